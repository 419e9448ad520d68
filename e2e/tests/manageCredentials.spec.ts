import { randomUUID } from 'node:crypto';
import { expect, recordApiRequests, test } from './fixtures.ts';

test.describe('managing credentials: deactivate and activate, confirmed with a passkey', () => {
  test('a key is deactivated and activated again; the last passkey that can sign cannot be', async ({
    page,
    authenticator: _authenticator,
  }) => {
    const username = `user-${randomUUID().slice(0, 8)}@example.com`;
    await page.goto('/');
    await page.getByLabel('Username').fill(username);
    await page.getByRole('button', { name: 'Sign up with a passkey' }).click();
    await expect(page.getByTestId('signed-in-user')).toContainText(username);
    // A second credential: a key made in the browser, confirmed with the passkey.
    await page.getByRole('radio', { name: /^Key \(/ }).check();
    await page.getByRole('textbox', { name: 'Credential name' }).fill('Server key');
    await page.getByRole('button', { name: 'Create key' }).click();
    await expect(page.getByRole('status')).toHaveText('Key “Server key” registered.');

    await page.getByRole('link', { name: 'Manage' }).click();
    const table = page.getByRole('table', { name: 'Your credentials' });
    const keyRow = table.getByRole('row', { name: /Server key/ });
    await expect(keyRow).toContainText('Active');

    const changes = recordApiRequests(page, '/auth/credentials/deactivate', 'PUT');
    await keyRow.getByRole('button', { name: 'Deactivate “Server key”' }).click();
    await expect(keyRow).toContainText('Deactivated');
    const activate = keyRow.getByRole('button', { name: 'Activate “Server key”' });
    await expect(activate).toBeFocused();
    expect(changes).toHaveLength(1);
    expect(await changes[0]?.headerValue('x-dfns-useraction')).toMatch(/^ua-/);

    // The passkey is now the only active credential that can sign: it cannot be deactivated.
    const passkeyRow = table.getByRole('row', { name: /First passkey/ });
    await expect(passkeyRow.getByRole('button', { name: 'Deactivate “First passkey”' })).toBeDisabled();

    await activate.click();
    await expect(keyRow).toContainText('Active');
    await expect(keyRow.getByRole('button', { name: 'Deactivate “Server key”' })).toBeFocused();
    await expect(passkeyRow.getByRole('button', { name: 'Deactivate “First passkey”' })).toBeEnabled();
  });
});
