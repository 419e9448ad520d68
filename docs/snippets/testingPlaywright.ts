// The first test: the README's example (the mock's seeded user, user-action signing off) in Chromium,
// a virtual authenticator answering the prompt. The kit's `mock` listens where your app calls.
import { expect, test } from '@credkit/mock-backend/playwright';

test.use({ mockOptions: { userActionSigning: 'off' } });

test('adds a passkey', async ({ page, authenticator, mock }) => {
  await page.goto('/');
  await page.getByRole('textbox', { name: 'Credential name' }).fill('Test passkey');
  await page.getByRole('button', { name: 'Register passkey' }).click();
  await expect(page.getByRole('status')).toHaveText('Passkey “Test passkey” registered.');

  // The passkey the authenticator holds is the one the mock verified and stored.
  const [held] = await authenticator.credentials();
  const listed = await mock.backend.fetch(
    new Request(`${mock.url}/auth/credentials`, { headers: { Authorization: 'Bearer demo-token' } }),
  );
  expect(await listed.json()).toMatchObject({ items: [{ name: 'Test passkey', credentialId: held?.credentialId }] });
});
