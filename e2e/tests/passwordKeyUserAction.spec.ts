import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { readLoginCode } from '@credkit/mock-backend/playwright';
import { passwordKeyOnlyAccount } from './demoSteps.ts';
import { expect, recordApiRequests, test } from './fixtures.ts';

test.describe('a password-protected key confirms changes, its password asked in a dialog', () => {
  test('signed in with the key alone, "Add a passkey here": Cancel and Escape end the signing, the password adds the passkey', async ({
    page,
    authenticator,
    addAuthenticator,
    mockApi,
  }) => {
    const username = `user-${randomUUID().slice(0, 8)}@example.com`;
    const password = `pw-${randomUUID()}`;
    await passwordKeyOnlyAccount(page, username, password);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByText('Not signed in')).toBeVisible();

    // Another browser, with no passkey of the account: a fresh platform authenticator.
    await authenticator.remove();
    const laptop = await addAuthenticator();
    await page.getByRole('button', { name: 'Already have a passkey? Sign in' }).click();
    await page.getByRole('button', { name: 'Sign in with a password-protected key' }).click();
    const form = page.getByRole('region', { name: 'Sign in with a password-protected key' });
    await form.getByLabel('Username').fill(username);
    await form.getByRole('button', { name: 'Send me a code' }).click();
    await expect(form.getByRole('status')).toHaveText('We e-mailed you a code.');
    await form.getByLabel('Code from the e-mail').fill(await readLoginCode(page, mockApi.full, username));
    await form.getByLabel('Password of the key').fill(password);
    await form.getByRole('button', { name: 'Sign in with the key' }).click();
    await expect(page.getByTestId('signed-in-user')).toContainText(username, { timeout: 30_000 });

    const nudges = page.getByRole('region', { name: 'Make your account safer' });
    const here = nudges.getByRole('button', { name: 'Add a passkey here' });
    await here.click();
    const name = page.getByRole('textbox', { name: 'Credential name' });
    await expect(name).toBeFocused();
    await page
      .getByRole('group', { name: 'Where to keep the passkey' })
      .getByRole('radio', { name: 'This device' })
      .check();
    await name.fill('This laptop');
    const register = page.getByRole('button', { name: 'Register passkey' });
    const dialog = page.getByRole('dialog', { name: 'Confirm with your password-protected key' });
    const field = dialog.getByLabel('Password of the key');
    const refusal = page.getByRole('main').getByRole('alert');
    const actions = recordApiRequests(page, '/auth/action');

    // The passkey is made, then the change needs a signature: the dialog, modal, focus on its field.
    await register.click();
    await expect(field).toBeFocused();
    await expect(dialog).toHaveAccessibleDescription(/is not sent/);
    // The form says which credential confirms (its messages, set by the demo after a key sign-in).
    await expect(page.locator('form[data-credkit="register-credential"] [data-credkit-part="status"]')).toHaveText(
      'Confirm with your password-protected key…',
    );
    const { violations } = await new AxeBuilder({ page }).include('dialog').analyze();
    expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target)}`)).toEqual([]);
    // Cancel: the signing ends `cancelled`, nothing is signed nor stored.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(refusal).toHaveAttribute('data-code', 'cancelled');
    await expect(refusal).toBeFocused();

    // Escape does what Cancel does.
    await register.click();
    await expect(field).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(refusal).toHaveAttribute('data-code', 'cancelled');
    expect(actions).toHaveLength(0);
    await expect(here).toBeVisible();

    // A typo is asked again, the refusal by the field; the right password: the key signs the user
    // action in the page, and the passkey is stored.
    await register.click();
    await field.fill(`${password}x`);
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    const refused = dialog.getByRole('alert');
    await expect(refused).toHaveAttribute('data-code', 'wrong-password', { timeout: 30_000 });
    await expect(field).toHaveValue('');
    await expect(field).toBeFocused();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(actions).toHaveLength(0);
    await field.fill(password);
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'registered' })).toHaveText(
      'Passkey “This laptop” registered.',
      { timeout: 30_000 },
    );
    await expect(dialog).toHaveCount(0);
    expect(actions).toHaveLength(1);
    expect(actions[0]?.postDataJSON()).toMatchObject({ firstFactor: { kind: 'PasswordProtectedKey' } });
    expect(actions[0]?.postData()).not.toContain(password);
    expect((await laptop.credentials()).length).toBeGreaterThanOrEqual(1);
    // A passkey here now: the nudge is gone.
    await expect(here).toHaveCount(0);
    await expect(page.getByRole('list', { name: 'Credentials' })).toContainText('This laptop');

    // Manage: a deactivation is confirmed by the key too.
    await page.getByRole('link', { name: 'Manage' }).click();
    const laptopRow = page.getByRole('table', { name: 'Your credentials' }).getByRole('row', { name: /This laptop/ });
    await laptopRow.getByRole('button', { name: 'Deactivate “This laptop”' }).click();
    await expect(field).toBeFocused();
    await field.fill(password);
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expect(laptopRow).toContainText('Deactivated', { timeout: 30_000 });
    expect(actions).toHaveLength(2);
    expect(actions[1]?.postDataJSON()).toMatchObject({ firstFactor: { kind: 'PasswordProtectedKey' } });
  });
});
