import { randomUUID } from 'node:crypto';
import { readLoginCode } from '@credkit/mock-backend/playwright';
import { passwordKeyOnlyAccount } from './demoSteps.ts';
import { base64ToBase64url, expect, recordApiRequests, test } from './fixtures.ts';

test.describe('signing back in with a passkey (POST /auth/login)', () => {
  test('sign up, sign out, sign in by username and without one; each sign-in is verified', async ({
    page,
    authenticator,
  }) => {
    const username = `user-${randomUUID().slice(0, 8)}@example.com`;
    await page.goto('/');
    await page.getByLabel('Username').fill(username);
    await page.getByRole('button', { name: 'Sign up with a passkey' }).click();
    await expect(page.getByTestId('signed-in-user')).toContainText(username);
    const [passkey] = await authenticator.credentials();
    if (!passkey) throw new Error('sign-up made no passkey');

    const logins = recordApiRequests(page, '/auth/login');
    for (const typed of [username, '']) {
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('button', { name: 'Already have a passkey? Sign in' }).click();
      await page.getByLabel('Username (optional)').fill(typed);
      const before = (await authenticator.credentials())[0]?.signCount ?? 0;
      await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
      await expect(page.getByTestId('signed-in-user')).toContainText(username);
      // The passkey really signed: its counter went up, and the login carried its id.
      expect((await authenticator.credentials())[0]?.signCount).toBeGreaterThan(before);
    }
    expect(logins).toHaveLength(2);
    for (const login of logins) {
      expect(login.postDataJSON()).toMatchObject({
        firstFactor: { kind: 'Fido2', credentialAssertion: { credId: base64ToBase64url(passkey.credentialId) } },
      });
    }
  });

  test('a passkey the server does not know is refused with its message', async ({ page, authenticator }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Already have a passkey? Sign in' }).click();
    // A passkey of this site that no user of this mock has: made by the authenticator directly over CDP.
    await authenticator.cdp.send('WebAuthn.addCredential', {
      authenticatorId: authenticator.id,
      credential: {
        credentialId: Buffer.from(randomUUID()).toString('base64'),
        isResidentCredential: true,
        rpId: 'localhost',
        userHandle: Buffer.from('nobody').toString('base64'),
        privateKey: await newPrivateKey(),
        signCount: 0,
      },
    });
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toBeVisible();
    expect(await alert.getAttribute('data-code')).toMatch(/^(server|forbidden)$/);
    await expect(page.getByTestId('signed-in-user')).toHaveCount(0);
  });
});

test.describe('signing in with a password-protected key and an e-mailed login code', () => {
  test('the passkey sign-in hands over; a wrong password is refused before anything is posted; the code and the password sign in', async ({
    page,
    authenticator,
    mockApi,
  }) => {
    const username = `user-${randomUUID().slice(0, 8)}@example.com`;
    const password = `pw-${randomUUID()}`;
    // A password-protected key, confirmed with the passkey; the passkey deactivated: the key is the only way in.
    await passwordKeyOnlyAccount(page, username, password);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Already have a passkey? Sign in' }).click();
    await page.getByLabel('Username (optional)').fill(username);
    const signCount = (await authenticator.credentials())[0]?.signCount;
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    // No prompt: the passkey sign-in sees the user has only a password-protected key, and hands over.
    const form = page.getByRole('region', { name: 'Sign in with a password-protected key' });
    const send = form.getByRole('button', { name: 'Send me a code' });
    await expect(send).toBeFocused();
    await expect(send).toHaveAccessibleDescription(/signs in with a password-protected key/);
    await expect(form.getByLabel('Username')).toHaveValue(username);
    expect((await authenticator.credentials())[0]?.signCount).toBe(signCount);
    // The mock's mailbox, read from the page, where both builds' mocks answer.
    const mail = () => readLoginCode(page, mockApi.full, username);

    const logins = recordApiRequests(page, '/auth/login');
    await send.click();
    await expect(form.getByRole('status')).toHaveText('We e-mailed you a code.');
    await expect(form.getByLabel('Code from the e-mail')).toBeFocused();
    const spent = await mail();
    await form.getByLabel('Code from the e-mail').fill(spent);
    await form.getByLabel('Password of the key').fill('not the password');
    await form.getByRole('button', { name: 'Sign in with the key' }).click();
    await expect(form.getByRole('alert')).toHaveAttribute('data-code', 'wrong-password', { timeout: 30_000 });
    expect(logins).toHaveLength(0);
    // The challenge spent the code: a new one, and the right password.
    await send.click();
    await expect(form.getByRole('alert')).toHaveCount(0);
    await expect.poll(mail).not.toBe(spent);
    await expect(form.getByRole('status')).toHaveText('We e-mailed you a code.');
    await form.getByLabel('Code from the e-mail').fill(await mail());
    await form.getByLabel('Password of the key').fill(password);
    await form.getByRole('button', { name: 'Sign in with the key' }).click();
    await expect(page.getByTestId('signed-in-user')).toContainText(username, { timeout: 30_000 });
    expect(logins).toHaveLength(1);
    expect(logins[0]?.postDataJSON()).toMatchObject({ firstFactor: { kind: 'PasswordProtectedKey' } });
    expect(logins[0]?.postData()).not.toContain(password);

    // Signed in with no passkey here (issue 29): the nudge to add one here, not "on another device".
    const nudges = page.getByRole('region', { name: 'Make your account safer' });
    await expect(nudges.getByRole('button', { name: 'Add a passkey here' })).toBeVisible();
    await expect(nudges.getByRole('button', { name: 'Add a passkey on another device' })).toHaveCount(0);
  });
});

/** A P-256 private key, PKCS#8, base64: what CDP's WebAuthn.addCredential takes. */
async function newPrivateKey(): Promise<string> {
  const { generateKeyPairSync } = await import('node:crypto');
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
}
