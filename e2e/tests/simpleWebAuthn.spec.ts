import { randomUUID } from 'node:crypto';
import { addPasskeyOnSecurityKey } from '@credkit/mock-backend/playwright';
import type { Page } from '@playwright/test';
import { registerOnSecurityKey } from './demoSteps.ts';
import { base64ToBase64url, expect, recordApiRequests, test } from './fixtures.ts';
import { instrumentPage } from './instrumentation.ts';

interface HostWindow {
  simpleWebAuthnHost: {
    register(credentialName: string): Promise<{ rawId: string; credential: unknown }>;
  };
}

/** What the demo recorded of its SimpleWebAuthn calls (`window.credkitDemoCeremonyCalls`, set by `?ceremony=simplewebauthn`). */
const simpleWebAuthnCalls = (page: Page) =>
  page.evaluate(() => (window as { credkitDemoCeremonyCalls?: string[] }).credkitDemoCeremonyCalls);

const listItems = (page: Page) => page.getByRole('list', { name: 'Credentials' }).getByRole('listitem');

test.describe('on @simplewebauthn/browser (`@credkit/core/simplewebauthn`)', () => {
  test('the whole Dfns flow: sign up, then a second passkey confirmed with the first, every prompt on SimpleWebAuthn', async ({
    page,
    authenticator,
  }) => {
    const probe = await instrumentPage(page);
    const posts = recordApiRequests(page, '/auth/credentials');
    const username = `swa-${randomUUID().slice(0, 8)}@example.com`;
    await page.goto('/?ceremony=simplewebauthn');
    expect(await simpleWebAuthnCalls(page)).toEqual([]);

    await page.getByLabel('Username').fill(username);
    await page.getByRole('button', { name: 'Sign up with a passkey' }).click();
    await expect(page.getByTestId('signed-in-user')).toContainText(username);
    await expect(listItems(page)).toHaveCount(1);
    const [first] = await authenticator.credentials();
    if (!first) throw new Error('the sign-up made no passkey on the authenticator');
    await expect(listItems(page).filter({ hasText: 'First passkey' })).toHaveAttribute(
      'data-credential-id',
      base64ToBase64url(first.credentialId),
    );
    expect(await simpleWebAuthnCalls(page)).toEqual(['create']);

    // As in signUpJourney.spec.ts: the second passkey goes on a security key, the change confirmed with
    // the laptop's passkey (the kit's addPasskeyOnSecurityKey).
    const second = await addPasskeyOnSecurityKey(page, {
      signWith: authenticator,
      whenSigning: () => expect(page.getByRole('status')).toHaveText('Confirm with an existing passkey…'),
      register: () => registerOnSecurityKey(page, 'Second passkey'),
    });

    // SimpleWebAuthn ran each prompt: the sign-up's create, the component's create, the user action's get.
    expect(await simpleWebAuthnCalls(page)).toEqual(['create', 'create', 'get']);
    // … and each of its two creates reached the browser once.
    expect(await probe.ceremonies()).toBe(2);

    // The mock stored both (the list is its GET /auth/credentials), with the ids the authenticators hold.
    await expect(listItems(page)).toHaveCount(2);
    await expect(listItems(page).filter({ hasText: 'Second passkey' })).toHaveAttribute(
      'data-credential-id',
      base64ToBase64url(second.credentialId),
    );
    await expect(listItems(page).filter({ hasText: 'First passkey' })).toHaveAttribute(
      'data-credential-id',
      base64ToBase64url(first.credentialId),
    );
    expect(posts).toHaveLength(1);
    const posted = JSON.parse(posts[0]?.postData() ?? '{}') as { credentialInfo?: { credId?: string } };
    expect(posted.credentialInfo?.credId).toBe(base64ToBase64url(second.credentialId));
    // Confirmed with the first passkey: a user-action token on the POST, and its counter moved.
    expect(await posts[0]?.headerValue('x-dfns-useraction')).toMatch(/^ua-/);
    const [held] = await authenticator.credentials();
    expect(held?.credentialId).toBe(first.credentialId);
    expect(held?.signCount).toBeGreaterThan(first.signCount);
  });

  test('the host calls startRegistration itself; credkit maps the challenge and the answer', async ({
    page,
    authenticator,
  }) => {
    const posts = recordApiRequests(page, '/auth/credentials');
    await page.goto('/simplewebauthn.html?embed');
    await page.waitForFunction(() => 'simpleWebAuthnHost' in window);
    const name = `Host passkey ${randomUUID().slice(0, 8)}`;
    const result = await page.evaluate(
      (credentialName) => (window as unknown as HostWindow).simpleWebAuthnHost.register(credentialName),
      name,
    );

    const held = await authenticator.credentials();
    expect(held).toHaveLength(1);
    const credentialId = base64ToBase64url(held[0]?.credentialId ?? '');
    expect(result.rawId).toBe(credentialId);
    // The mock verified the registration (@simplewebauthn/server) and stored it under that id.
    expect(result.credential).toEqual(
      expect.objectContaining({ kind: 'Fido2', name, credentialId, isActive: true, relyingPartyId: 'localhost' }),
    );
    expect(posts).toHaveLength(1);
  });
});
