import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { addPasskeyOnSecurityKey } from '@credkit/mock-backend/playwright';
import type { Page } from '@playwright/test';
import { registerOnSecurityKey } from './demoSteps.ts';
import { expect, test } from './fixtures.ts';

async function signUp(page: Page) {
  await page.goto('/');
  await page.getByLabel('Username').fill(`user-${randomUUID().slice(0, 8)}@example.com`);
  await page.getByRole('button', { name: 'Sign up with a passkey' }).click();
  await expect(page.getByTestId('signed-in-user')).toBeVisible();
}

const nudges = (page: Page) => page.getByRole('region', { name: 'Make your account safer' });

test.describe('nudges toward a safer account, after sign-up', () => {
  test('one passkey and no recovery key: both nudges, axe-clean, "Not now" kept', async ({
    page,
    authenticator: _authenticator,
  }) => {
    await signUp(page);
    await expect(nudges(page).getByRole('button', { name: 'Add a passkey on another device' })).toBeVisible();
    await expect(nudges(page).getByRole('button', { name: 'Create a recovery key' })).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).include('main').analyze();
    expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target)}`)).toEqual([]);

    await nudges(page)
      .getByRole('listitem')
      .filter({ hasText: 'single passkey' })
      .getByRole('button', { name: 'Not now' })
      .click();
    await expect(nudges(page).getByRole('button', { name: 'Add a passkey on another device' })).toHaveCount(0);
    // Focus goes on to the next nudge, not to the top of the page.
    await expect(nudges(page).getByRole('button', { name: 'Create a recovery key' })).toBeFocused();

    // Away and back (the static build's mock restarts on a reload, so no reload): read from localStorage again.
    await page.evaluate(() => {
      window.location.hash = '#manage';
    });
    await expect(nudges(page)).toHaveCount(0);
    expect(await page.evaluate(() => window.localStorage.getItem('credkit:nudges'))).toBe('["add-passkey-elsewhere"]');
    await page.evaluate(() => {
      window.location.hash = '#passkeys';
    });
    await expect(nudges(page).getByRole('button', { name: 'Create a recovery key' })).toBeVisible();
    await expect(nudges(page).getByRole('button', { name: 'Add a passkey on another device' })).toHaveCount(0);
  });

  test('acted on: a second passkey ends "add a passkey on another device"', async ({ page, authenticator }) => {
    await signUp(page);
    await expect(nudges(page).getByRole('button', { name: 'Add a passkey on another device' })).toBeVisible();
    await addPasskeyOnSecurityKey(page, {
      signWith: authenticator,
      register: () => registerOnSecurityKey(page, 'Second passkey'),
    });
    // The list refreshes after the registration: two passkeys, only the recovery key is lacking.
    await expect(nudges(page).getByRole('button', { name: 'Add a passkey on another device' })).toHaveCount(0);
    await expect(nudges(page).getByRole('button', { name: 'Create a recovery key' })).toBeVisible();

    await nudges(page).getByRole('button', { name: 'Create a recovery key' }).click();
    await expect(page.getByRole('radio', { name: /Recovery key/ })).toBeChecked();
  });
});
