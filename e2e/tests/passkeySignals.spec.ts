import { randomUUID } from 'node:crypto';
import { addPasskeyOnSecurityKey } from '@credkit/mock-backend/playwright';
import { registerOnSecurityKey } from './demoSteps.ts';
import { base64ToBase64url, expect, test } from './fixtures.ts';

/** What the virtual authenticator reports of the Signal API calls, over CDP (after `WebAuthn.enable`). */
interface SignalEvents {
  deleted: string[];
  updated: { credentialId: string; userName: string | undefined; userDisplayName: string | undefined }[];
}

interface CdpCredentialEvent {
  authenticatorId: string;
  credential: { credentialId: string; userName?: string; userDisplayName?: string };
}

test.describe('the Signal API: the passkey manager learns what the server knows', () => {
  test('sign-up and sign-in update the user details; a deactivated passkey leaves the authenticator', async ({
    page,
    authenticator,
  }) => {
    const events: SignalEvents = { deleted: [], updated: [] };
    authenticator.cdp.on('WebAuthn.credentialDeleted', (event: { credentialId: string }) => {
      events.deleted.push(base64ToBase64url(event.credentialId));
    });
    authenticator.cdp.on('WebAuthn.credentialUpdated', (event: CdpCredentialEvent) => {
      events.updated.push({
        credentialId: base64ToBase64url(event.credential.credentialId),
        userName: event.credential.userName,
        userDisplayName: event.credential.userDisplayName,
      });
    });
    const username = `signals-${randomUUID().slice(0, 8)}@example.com`;
    await page.goto('/');
    const signalSupport = await page.evaluate(() => {
      const api = PublicKeyCredential as unknown as Record<string, unknown>;
      return ['signalAllAcceptedCredentials', 'signalCurrentUserDetails'].filter(
        (name) => typeof api[name] === 'function',
      );
    });
    expect(signalSupport).toEqual(['signalAllAcceptedCredentials', 'signalCurrentUserDetails']);

    await page.getByLabel('Username').fill(username);
    await page.getByRole('button', { name: 'Sign up with a passkey' }).click();
    await expect(page.getByTestId('signed-in-user')).toContainText(username);
    const [first] = await authenticator.credentials();
    const firstId = base64ToBase64url(first?.credentialId ?? '');
    // signalCurrentUserDetails after the sign-up: the passkey's details, as the server has them.
    await expect.poll(() => events.updated.map((event) => event.credentialId)).toContain(firstId);
    expect(events.updated.find((event) => event.credentialId === firstId)).toEqual({
      credentialId: firstId,
      userName: username,
      userDisplayName: username,
    });

    // Sign out and in again with the username: the details are signalled again.
    const updatesBefore = events.updated.length;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Already have a passkey? Sign in' }).click();
    await page.getByLabel('Username').fill(username);
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await expect(page.getByTestId('signed-in-user')).toContainText(username);
    await expect.poll(() => events.updated.length).toBeGreaterThan(updatesBefore);
    expect(events.updated.at(-1)).toEqual({ credentialId: firstId, userName: username, userDisplayName: username });

    // A second passkey, on a security key (unplugged afterwards), confirmed with the first.
    const second = await addPasskeyOnSecurityKey(page, {
      signWith: authenticator,
      register: () => registerOnSecurityKey(page, 'Second passkey'),
    });
    expect(base64ToBase64url(second.credentialId)).not.toBe(firstId);

    // The list loaded: both passkeys are accepted, nothing is removed.
    await page.getByRole('link', { name: 'Manage' }).click();
    const table = page.getByRole('table', { name: 'Your credentials' });
    await expect(table.getByRole('row')).toHaveCount(3);
    const firstRow = table.getByRole('row', { name: /First passkey/ });
    await expect(firstRow).toContainText('Active');
    expect(events.deleted).toEqual([]);

    // The first passkey deactivated on the server (the change signed with it): the list reloads, and
    // the signal of the one passkey still accepted removes the first from this authenticator.
    await firstRow.getByRole('button', { name: 'Deactivate “First passkey”' }).click();
    await expect(firstRow).toContainText('Deactivated');
    await expect.poll(() => events.deleted).toEqual([firstId]);
    expect(await authenticator.credentials()).toEqual([]);
  });
});
