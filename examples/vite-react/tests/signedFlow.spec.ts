import { addPasskeyOnSecurityKey, expect, test } from '@credkit/mock-backend/playwright';

// As Dfns requires: every change-inducing call confirmed with a passkey the user has (the kit's default).
test.use({ mockOptions: { userActionSigning: 'required' } });

test('signs up, adds a passkey on a security key confirmed with the first, deactivates it', async ({
  page,
  authenticator,
}) => {
  const username = `ada-${crypto.randomUUID().slice(0, 8)}@example.com`;
  await page.goto('/');
  const app = page.getByRole('region', { name: 'As Dfns requires' });
  await app.getByLabel('Username').fill(username);
  await app.getByRole('button', { name: 'Sign up with a passkey' }).click();
  await expect(app.getByText(`Signed in as ${username}.`)).toBeVisible();
  const rows = app.getByRole('table', { name: 'Your credentials' }).getByRole('row');
  await expect(rows).toHaveCount(2); // the header and the first passkey

  const securityKey = await addPasskeyOnSecurityKey(page, {
    signWith: authenticator,
    register: async () => {
      await app.getByRole('textbox', { name: 'Credential name' }).fill('Security key');
      await app.getByRole('button', { name: 'Register passkey' }).click();
      await expect(app.getByRole('status').first()).toHaveText('Passkey “Security key” registered.');
    },
  });
  expect(securityKey.credentialId).not.toBe((await authenticator.credentials())[0]?.credentialId);
  const keyRow = rows.filter({ hasText: 'Security key' });
  await expect(keyRow).toContainText('Active');

  // Deactivating is a change too: the first passkey (the only authenticator left) signs it.
  await keyRow.getByRole('button', { name: 'Deactivate “Security key”' }).click();
  await expect(keyRow).toContainText('Deactivated');
});

test('signs out, and back in with the passkey the autofill offers', async ({ page, authenticator }) => {
  const username = `grace-${crypto.randomUUID().slice(0, 8)}@example.com`;
  await page.goto('/');
  const app = page.getByRole('region', { name: 'As Dfns requires' });
  await app.getByLabel('Username').fill(username);
  await app.getByRole('button', { name: 'Sign up with a passkey' }).click();
  await expect(app.getByText(`Signed in as ${username}.`)).toBeVisible();
  const [passkey] = await authenticator.credentials();
  if (!passkey) throw new Error('the sign-up made no passkey');

  // The sign-in form offers the passkeys in its field's autofill; Chromium's virtual authenticator
  // answers such a request at once (the kit's default, autofill: 'answered'), as a person picking it.
  const signedIn = page.waitForResponse(
    (response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/auth/login',
  );
  await app.getByRole('button', { name: 'Sign out' }).click();
  expect((await signedIn).status()).toBe(200);
  // The mock's token has no username claim: the app says "Signed in." and lists the user's passkey.
  await expect(app.getByText('Signed in.')).toBeVisible();
  await expect(app.getByRole('table', { name: 'Your credentials' }).getByRole('row')).toHaveCount(2);
  expect((await authenticator.credentials())[0]?.signCount).toBeGreaterThan(passkey.signCount);
});

test.describe('with the autofill held, as for a person who never opens it', () => {
  test.use({ autofill: 'held' });

  test('signs back in with the button', async ({ page, authenticator: _passkeys }) => {
    const username = `alan-${crypto.randomUUID().slice(0, 8)}@example.com`;
    await page.goto('/');
    const app = page.getByRole('region', { name: 'As Dfns requires' });
    await app.getByLabel('Username').fill(username);
    await app.getByRole('button', { name: 'Sign up with a passkey' }).click();
    await expect(app.getByText(`Signed in as ${username}.`)).toBeVisible();
    await app.getByRole('button', { name: 'Sign out' }).click();

    const field = app.getByRole('textbox', { name: 'Username (optional)' });
    await expect(field).toHaveAttribute('autocomplete', 'username webauthn');
    await expect(app.locator('form[data-credkit="sign-in"]')).toHaveAttribute('data-autofill', 'pending');
    await field.fill(username);
    await app.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await expect(app.getByText('Signed in.')).toBeVisible();
  });
});
