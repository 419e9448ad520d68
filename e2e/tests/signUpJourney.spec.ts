import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { addVirtualAuthenticator, base64ToBase64url, expect, recordApiRequests, test } from './fixtures.ts';

async function signUp(page: Page) {
  const username = `user-${randomUUID().slice(0, 8)}@example.com`;
  await page.goto('/');
  await page.getByLabel('Username').fill(username);
  await page.getByRole('button', { name: 'Sign up with a passkey' }).click();
  await expect(page.getByTestId('signed-in-user')).toContainText(username);
  return username;
}

const listItems = (page: Page) => page.getByRole('list', { name: 'Credentials' }).getByRole('listitem');

test.describe('the whole Dfns flow, with user-action signing required', () => {
  test('sign up with a passkey, add a second one confirmed with the first, see both', async ({
    page,
    authenticator,
  }) => {
    const actionInits = recordApiRequests(page, '/auth/action/init');
    const posts = recordApiRequests(page, '/auth/credentials');
    await signUp(page);
    await expect(listItems(page)).toHaveCount(1);
    await expect(listItems(page).first()).toContainText('First passkey');
    const first = (await authenticator.credentials())[0];
    expect(first).toBeDefined();

    // The second passkey goes on a security key (the laptop's authenticator holds an excluded credential
    // and waits for a touch that does not come). Once it is made, the person unplugs the key and
    // confirms the change with the laptop's passkey: the first one.
    const securityKey = await addVirtualAuthenticator(page, { transport: 'usb' });
    await authenticator.cdp.send('WebAuthn.setAutomaticPresenceSimulation', {
      authenticatorId: authenticator.id,
      enabled: false,
    });
    let madeOnSecurityKey = 0;
    await page.route('**/auth/action/init', async (route) => {
      await expect(page.getByRole('status')).toHaveText('Confirm with an existing passkey…');
      madeOnSecurityKey = (await securityKey.credentials()).length;
      await securityKey.cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId: securityKey.id });
      await authenticator.cdp.send('WebAuthn.setAutomaticPresenceSimulation', {
        authenticatorId: authenticator.id,
        enabled: true,
      });
      await route.continue();
    });
    await page
      .getByRole('group', { name: 'Where to keep the passkey' })
      .getByRole('radio', { name: 'Security key' })
      .check();
    await page.getByRole('textbox', { name: 'Credential name' }).fill('Second passkey');
    await page.getByRole('button', { name: 'Register passkey' }).click();

    await expect(page.getByRole('status')).toHaveText('Passkey “Second passkey” registered.');
    await expect(listItems(page)).toHaveCount(2);
    expect(madeOnSecurityKey).toBe(1);
    expect(actionInits).toHaveLength(1);
    expect(posts).toHaveLength(1);
    expect(await posts[0]?.headerValue('x-dfns-useraction')).toMatch(/^ua-/);
    const held = (await authenticator.credentials())[0];
    expect(held?.signCount).toBeGreaterThan(first?.signCount ?? 0);
    await expect(listItems(page).filter({ hasText: 'First passkey' })).toHaveAttribute(
      'data-credential-id',
      base64ToBase64url(first?.credentialId ?? ''),
    );

    // Reload: still signed in (the token lives for the browser session).
    await page.reload();
    await expect(page.getByTestId('signed-in-user')).toBeVisible();
    await expect(listItems(page)).toHaveCount(2);
  });

  test('a user-action token is refused with 403 for another body, and when replayed', async ({
    page,
    authenticator,
    request,
  }) => {
    await signUp(page);
    expect(await authenticator.credentials()).toHaveLength(1);
    await page.getByRole('radio', { name: /^Key \(/ }).check();

    // In flight, someone changes the signed body: the token no longer matches its bytes.
    let tampered = false;
    await page.route('**/auth/credentials', async (route) => {
      if (route.request().method() !== 'POST' || tampered) return route.fallback();
      tampered = true;
      const body = route.request().postDataJSON() as Record<string, unknown>;
      await route.continue({ postData: JSON.stringify({ ...body, credentialName: 'Renamed in flight' }) });
    });
    await page.getByRole('textbox', { name: 'Credential name' }).fill('Server key');
    await page.getByRole('button', { name: 'Create key' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toHaveAttribute('data-code', 'forbidden');
    await expect(alert).toHaveText('user action signature is missing or invalid');
    await expect(listItems(page)).toHaveCount(1);

    // Again, untouched: accepted. Then the same request, token and all, replayed: refused.
    const posts = recordApiRequests(page, '/auth/credentials');
    await page.getByRole('button', { name: 'Create key' }).click();
    await expect(page.getByRole('status')).toHaveText('Key “Server key” registered.');
    await expect(listItems(page)).toHaveCount(2);
    const sent = posts[0];
    if (!sent) throw new Error('the registration was not posted');
    const replay = await request.post('http://localhost:8787/auth/credentials', {
      headers: await sent.allHeaders(),
      data: sent.postData() ?? '',
    });
    expect(replay.status()).toBe(403);
    expect(await replay.json()).toEqual({ error: { message: 'user action signature is missing or invalid' } });
  });
});
