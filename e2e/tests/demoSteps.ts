import { randomUUID } from 'node:crypto';
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
