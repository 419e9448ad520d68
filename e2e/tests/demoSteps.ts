import { randomUUID } from 'node:crypto';
import { readRecoveryCode } from '@credkit/mock-backend/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/** Signs a new user up in the demo (a virtual authenticator must be attached) and opens Manage. */
export async function signUpAndManage(page: Page, prefix: string) {
  await page.goto('/');
  await page.getByLabel('Username').fill(`${prefix}-${randomUUID().slice(0, 8)}@example.com`);
  await page.getByRole('button', { name: 'Sign up with a passkey' }).click();
  await page.getByRole('link', { name: 'Manage' }).click();
  await expect(page.getByRole('table', { name: 'Your credentials' }).getByRole('row')).toHaveCount(2);
}

/** From a signed-in page: signs out and opens "Lost your passkeys?". */
export async function signOutToRecovery(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Already have a passkey? Sign in' }).click();
  await page.getByRole('button', { name: 'Lost your passkeys?' }).click();
}

/**
 * "Lost your passkeys?" from the signed-out screen to signed in with a new passkey, keeping the new
 * recovery key the recovery makes (its ID and code, shown once). A `passkeyName` of `''` leaves the
 * optional name field blank: the passkey is then named after its provider.
 */
export async function recover(
  page: Page,
  mockApiUrl: string,
  typed: { username: string; credentialId: string; recoveryCode: string; passkeyName: string },
) {
  await page.getByRole('button', { name: 'Already have a passkey? Sign in' }).click();
  await page.getByRole('button', { name: 'Lost your passkeys?' }).click();
  await page.getByLabel('Username').fill(typed.username);
  await page.getByRole('button', { name: 'Send the code' }).click();
  await expect(page.getByText('We e-mailed you a code.')).toBeVisible();
  // The mock's mailbox, read from the page, where both builds' mocks answer (the static build's has no port).
  const verificationCode = await readRecoveryCode(page, mockApiUrl, typed.username);

  await page.getByLabel('Code from the e-mail').fill(verificationCode);
  await page.getByLabel('Recovery key ID').fill(typed.credentialId);
  await page.getByLabel('Recovery code', { exact: true }).fill(typed.recoveryCode);
  const name = page.getByRole('textbox', { name: 'Name of the new passkey (optional)', exact: true });
  if (typed.passkeyName === '') {
    await expect(name).toHaveAccessibleDescription('Left blank, it is named after your password manager.');
  } else {
    await name.fill(typed.passkeyName);
  }
  await expect(page.getByRole('checkbox', { name: /^Also make a new recovery key/ })).toBeChecked();
  await page.getByRole('button', { name: 'Recover and add a passkey' }).click();

  const newKey = page.getByRole('group', { name: 'Your new recovery key' });
  // Two PBKDF2 runs (opening the old key, wrapping the new one) and two prompts: give a busy machine room.
  await expect(newKey).toBeVisible({ timeout: 30_000 });
  const credentialId = await newKey.getByLabel('New recovery key ID').inputValue();
  const recoveryCode = await newKey.getByLabel('New recovery code').inputValue();
  // Signed in, but the page stays until the person has saved the new key.
  await expect(page.getByTestId('signed-in-user')).toHaveCount(0);
  await newKey.getByRole('button', { name: 'I have saved them' }).click();
  await expect(page.getByTestId('signed-in-user')).toContainText(typed.username);
  return { newKey: { credentialId, recoveryCode } };
}

/**
 * The demo's form registers a passkey named `name` on a security key: the `register` step of the
 * testing kit's `addPasskeyOnSecurityKey`, which unplugs the key when the user action is signed.
 */
export async function registerOnSecurityKey(page: Page, name: string) {
  await page
    .getByRole('group', { name: 'Where to keep the passkey' })
    .getByRole('radio', { name: 'Security key' })
    .check();
  await page.getByRole('textbox', { name: 'Credential name' }).fill(name);
  await page.getByRole('button', { name: 'Register passkey' }).click();
  await expect(page.getByRole('status')).toHaveText(`Passkey “${name}” registered.`);
}

/**
 * Through the demo's own UI: signed up with a passkey, then a password-protected key (confirmed with
 * the passkey), then the passkey deactivated (confirmed with itself): the key is the only way in.
 * Still signed in, on Manage.
 */
export async function passwordKeyOnlyAccount(page: Page, username: string, password: string) {
  await page.goto('/');
  await page.getByLabel('Username').fill(username);
  await page.getByRole('button', { name: 'Sign up with a passkey' }).click();
  await expect(page.getByTestId('signed-in-user')).toContainText(username);
  await page.getByRole('radio', { name: /^Password-protected key \(/ }).check();
  await page.getByRole('textbox', { name: 'Credential name' }).fill('Password key');
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Confirm password').fill(password);
  await page.getByRole('button', { name: 'Create password-protected key' }).click();
  await expect(page.getByRole('status')).toHaveText('Password-protected key “Password key” registered.', {
    timeout: 30_000,
  });
  // Confirmed with the passkey itself: the key is then the only way in.
  await page.getByRole('link', { name: 'Manage' }).click();
  const passkeyRow = page.getByRole('table', { name: 'Your credentials' }).getByRole('row', { name: /First passkey/ });
  await passkeyRow.getByRole('button', { name: 'Deactivate “First passkey”' }).click();
  await expect(passkeyRow).toContainText('Deactivated');
}
