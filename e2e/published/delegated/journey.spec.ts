import { randomUUID } from 'node:crypto';
import { addPasskeyOnSecurityKey } from '@credkit/mock-backend/playwright';
import type { Page } from '@playwright/test';
import { addVirtualAuthenticator, expect, test } from '../../tests/fixtures.ts';

const PASSWORD = 'correct horse battery staple';

const region = (page: Page, name: string) => page.getByRole('region', { name });
const credentialsOf = (page: Page, username: string) =>
  region(page, `Signed in as ${username}`).getByRole('list', { name: 'Credentials' }).getByRole('listitem');

async function signIn(page: Page, username: string) {
  const form = region(page, 'Sign in');
  await form.getByLabel('Username').fill(username);
  await form.getByLabel('Password').fill(PASSWORD);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(region(page, `Signed in as ${username}`)).toBeVisible();
}

async function signOut(page: Page, username: string) {
  await region(page, `Signed in as ${username}`).getByRole('button', { name: 'Sign out' }).click();
  await expect(region(page, 'Sign in')).toBeVisible();
}

test.describe('examples/delegated: the app keeps its users, its backend talks to Dfns', () => {
  test('should sign up, add a passkey, sign in without a prompt and recover, no token readable by the page', async ({
    page,
    authenticator,
    baseURL,
  }) => {
    const username = `pat-${randomUUID().slice(0, 8)}@example.com`;
    // Every request the page makes goes to the app's own origin: the browser never calls Dfns.
    const elsewhere: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(`${baseURL}/`)) elsewhere.push(request.url());
    });
    // The challenges the server relays: without their temporary tokens, which stay in its session.
    const relayed: Promise<string>[] = [];
    page.on('response', (response) => {
      if (/\/api\/(signup|recovery)$/.test(new URL(response.url()).pathname)) relayed.push(response.text());
    });
    await page.goto('/');

    // Sign-up: the app's account and, through its server's delegated registration, a passkey and a
    // recovery key in one request. The recovery code is shown (and confirmed) before it.
    const signUp = region(page, 'Sign up');
    await signUp.getByLabel('Username').fill(username);
    await signUp.getByLabel('Password').fill(PASSWORD);
    const recoveryCode = (await signUp.getByTestId('new-recovery-code').textContent()) ?? '';
    expect(recoveryCode).not.toBe('');
    await signUp.getByLabel('I have saved my recovery code').check();
    await signUp.getByRole('button', { name: 'Sign up with a passkey' }).click();
    const welcome = region(page, `Welcome, ${username}`);
    await expect(welcome.getByTestId('recovery-key-id')).not.toBeEmpty();
    const recoveryKeyId = (await welcome.getByTestId('recovery-key-id').textContent()) ?? '';
    expect(await authenticator.credentials()).toHaveLength(1);
    await welcome.getByRole('button', { name: 'Continue' }).click();
    await expect(credentialsOf(page, username)).toHaveCount(2);
    await expect(credentialsOf(page, username).filter({ hasText: 'First passkey (Fido2)' })).toHaveCount(1);
    await expect(credentialsOf(page, username).filter({ hasText: '(RecoveryKey)' })).toHaveCount(1);

    // A second passkey, on a security key: the server gets the challenge and the user action, the
    // browser makes the passkey and signs the action with the first one. The laptop's authenticator
    // holds an excluded credential, so it stays silent until the security key has made the passkey.
    // The kit's recipe; the signing starts when the browser hands the new passkey to the app's server
    // (`POST /api/credentials`), which asks Dfns for the user action.
    const home = region(page, `Signed in as ${username}`);
    await addPasskeyOnSecurityKey(page, {
      signWith: authenticator,
      signingStartsAt: '/api/credentials',
      register: async () => {
        await home.getByRole('textbox', { name: 'Credential name' }).fill('Security key');
        await home.getByRole('button', { name: 'Register passkey' }).click();
        await expect(home.getByRole('status').filter({ hasText: 'registered' })).toHaveText(
          'Passkey “Security key” registered.',
        );
      },
    });
    await expect(credentialsOf(page, username)).toHaveCount(3);

    // Sign out, and back in with the app's own password: a delegated login, no passkey prompt.
    await signOut(page, username);
    const assertionsBefore = (await authenticator.credentials())[0]?.signCount ?? 0;
    await signIn(page, username);
    await expect(credentialsOf(page, username)).toHaveCount(3);
    expect((await authenticator.credentials())[0]?.signCount).toBe(assertionsBefore);
    // The session is an HttpOnly cookie; no token sits where a script could read it.
    const storage = await page.evaluate(() => ({
      local: Object.keys(localStorage),
      session: Object.keys(sessionStorage),
      cookie: document.cookie,
    }));
    expect(storage).toEqual({ local: [], session: [], cookie: '' });
    await signOut(page, username);

    // Every passkey lost: a new device. The app checks the password, its server asks Dfns for a
    // delegated recovery, the recovery key (opened with its code) signs a new passkey.
    await authenticator.remove();
    const newDevice = await addVirtualAuthenticator(page);
    const recover = region(page, 'Recover your account');
    await recover.getByLabel('Username').fill(username);
    await recover.getByLabel('Password').fill(PASSWORD);
    await recover.getByLabel('Recovery key ID').fill(recoveryKeyId);
    await recover.getByLabel('Recovery code').fill(recoveryCode);
    await recover.getByRole('button', { name: 'Recover with a new passkey' }).click();
    await expect(recover.getByRole('status')).toHaveText(
      'Recovered: your new passkey is “Passkey after recovery”. Sign in again.',
    );
    expect(await newDevice.credentials()).toHaveLength(1);

    // Dfns archived every earlier credential: only the new passkey is listed.
    await signIn(page, username);
    await expect(credentialsOf(page, username)).toHaveText(['Passkey after recovery (Fido2)']);
    expect(elsewhere).toEqual([]);
    const challenges = await Promise.all(relayed);
    expect(challenges).toHaveLength(2);
    for (const challenge of challenges) {
      expect(challenge).toContain('"challenge"');
      expect(challenge).not.toContain('temporaryAuthenticationToken');
    }
  });
});
