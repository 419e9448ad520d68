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
