import { randomUUID } from 'node:crypto';
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

/** A P-256 private key, PKCS#8, base64: what CDP's WebAuthn.addCredential takes. */
async function newPrivateKey(): Promise<string> {
  const { generateKeyPairSync } = await import('node:crypto');
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
}
