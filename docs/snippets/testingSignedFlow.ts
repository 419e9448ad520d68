// As Dfns requires: sign up, then add a second passkey (on a security key) confirmed with the first.
import { addPasskeyOnSecurityKey, expect, test } from '@credkit/mock-backend/playwright';

// The default: every change-inducing call needs a user action signed with a passkey of the user.
test.use({ mockOptions: { userActionSigning: 'required' } });

test('adds a passkey on a security key, confirmed with the first', async ({ page, authenticator }) => {
  await page.goto('/');
  await page.getByLabel('Username').fill(`ada-${Date.now()}@example.com`);
  await page.getByRole('button', { name: 'Sign up with a passkey' }).click(); // your sign-up
  const rows = page.getByRole('table', { name: 'Your credentials' }).getByRole('row');
  await expect(rows).toHaveCount(2); // the header, the first passkey

  const securityKey = await addPasskeyOnSecurityKey(page, {
    signWith: authenticator, // holds the first passkey: it signs the user action
    register: async () => {
      await page.getByRole('textbox', { name: 'Credential name' }).fill('Security key');
      await page.getByRole('button', { name: 'Register passkey' }).click();
      await expect(page.getByText('Passkey “Security key” registered.')).toBeVisible();
    },
  });
  await expect(rows.filter({ hasText: 'Security key' })).toHaveCount(1);
  expect(securityKey.credentialId).not.toBe((await authenticator.credentials())[0]?.credentialId);
});
