import { expect, test } from '@credkit/mock-backend/playwright';

// The README's example: the mock's seeded user (`demo-token`), no user-action signing.
test.use({ mockOptions: { userActionSigning: 'off' } });

test('registers a passkey that the mock then lists', async ({ page, authenticator, mock }) => {
  const name = `Laptop ${crypto.randomUUID().slice(0, 8)}`;
  await page.goto('/');
  const quickStart = page.getByRole('region', { name: 'Quick start' });
  await quickStart.getByRole('textbox', { name: 'Credential name' }).fill(name);
  await quickStart.getByRole('button', { name: 'Register passkey' }).click();
  await expect(quickStart.getByRole('status')).toHaveText(`Passkey “${name}” registered.`);

  // The passkey on the authenticator is the one the mock verified and stored.
  const [held] = await authenticator.credentials();
  const listed = await mock.backend.fetch(
    new Request(`${mock.url}/auth/credentials`, { headers: { Authorization: 'Bearer demo-token' } }),
  );
  const { items } = (await listed.json()) as { items: { name: string; credentialId: string; origin: string }[] };
  expect(items).toEqual([
    expect.objectContaining({ name, credentialId: held?.credentialId, origin: new URL(page.url()).origin }),
  ]);
});
