// The demo's views by keyboard and screen reader: landmarks, a title per view, and where focus goes
// (with what is announced) when a switch, a sign-in, a sign-out or a recovery changes the view.
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { recover } from './demoSteps.ts';
import { addVirtualAuthenticator, expect, test } from './fixtures.ts';

const heading = (page: Page, name: string) => page.getByRole('heading', { name, exact: true, level: 2 });
const announcer = (page: Page) => page.locator('#announcer');

/** Presses a button from the keyboard: focus, then Enter. */
async function press(page: Page, name: string) {
  await page.getByRole('button', { name, exact: true }).focus();
  await page.keyboard.press('Enter');
}

test.describe('the demo by keyboard: landmarks, titles, focus and announcements', () => {
  test('the banner, the journeys and the wire panel are landmarks of their own, beside main', async ({ page }) => {
    await page.goto('/');
    await expect(heading(page, 'Sign up')).toBeVisible();
    await expect(page.getByRole('banner')).toContainText('credkit');
    await expect(page.getByRole('navigation', { name: 'Journeys' })).toBeVisible();
    await expect(page.getByRole('complementary', { name: 'On the wire' })).toBeVisible();
    await expect(page.getByRole('contentinfo')).toBeVisible();
    // None inside main: main holds the journey only.
    const main = page.getByRole('main');
    await expect(main.getByRole('banner')).toHaveCount(0);
    await expect(main.getByRole('navigation')).toHaveCount(0);
    await expect(main.getByRole('complementary')).toHaveCount(0);
    await expect(main.getByRole('heading', { level: 1 })).toHaveCount(0);
    await expect(main.getByRole('heading', { level: 2 })).toHaveCount(1);
  });

  test('each view has its own title', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveTitle('Sign up · credkit demo');
    await press(page, 'Already have a passkey? Sign in');
    await expect(page).toHaveTitle('Sign in · credkit demo');
    await press(page, 'Lost your passkeys?');
    await expect(page).toHaveTitle('Recover · credkit demo');
    await page.getByRole('link', { name: 'About', exact: true }).click();
    await expect(page).toHaveTitle('About · credkit demo');
    await page.goto('/#another-device');
    await expect(page).toHaveTitle('Another device · credkit demo');
  });

  test('the Sign in, Sign up and Lost your passkeys switches take focus to the new view’s heading', async ({
    page,
  }) => {
    await page.goto('/');
    await press(page, 'Already have a passkey? Sign in');
    await expect(heading(page, 'Sign in')).toBeFocused();
    await press(page, 'Lost your passkeys?');
    await expect(heading(page, 'Recover your account')).toBeFocused();
    await press(page, 'New here? Sign up');
    await expect(heading(page, 'Sign up')).toBeFocused();
    // A journey link too, and Tab goes on from the heading into the view.
    await page.getByRole('link', { name: 'Sign in', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(heading(page, 'Sign in')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'The Dfns flow: signing back in' })).toBeFocused();
    // The password-protected key's way and back: focus on its field, then on the heading again.
    await press(page, 'Sign in with a password-protected key');
    await expect(
      page.getByRole('region', { name: 'Sign in with a password-protected key' }).getByLabel('Username'),
    ).toBeFocused();
    await press(page, 'Sign in with a passkey instead');
    await expect(heading(page, 'Sign in')).toBeFocused();
  });

  test('signing up, out, in and recovering: focus on the new view’s heading, and the change announced', async ({
    page,
    authenticator,
    mockApi,
  }) => {
    const username = `keys-${randomUUID().slice(0, 8)}@example.com`;
    await page.goto('/');
    await page.getByLabel('Username').fill(username);
    await page.getByRole('checkbox', { name: /^Also make a recovery key/ }).check();
    await press(page, 'Sign up with a passkey');
    const step = page.getByRole('group', { name: 'Save your recovery code' });
    const recoveryCode = await step.getByLabel('Recovery code', { exact: true }).inputValue();
    await step.getByRole('checkbox', { name: 'I have saved my recovery code' }).check();
    await step.getByRole('button', { name: 'Create my account' }).click();
    const saved = page.getByRole('group', { name: 'Your recovery key' });
    // Two PBKDF2 runs and a prompt: room for a busy machine.
    await expect(saved).toBeVisible({ timeout: 30_000 });
    const credentialId = await saved.getByLabel('Recovery key ID').inputValue();
    await saved.getByRole('button', { name: 'I have saved them' }).focus();
    await page.keyboard.press('Enter');
    await expect(heading(page, 'Add a credential')).toBeFocused();
    await expect(announcer(page)).toHaveText('Account created: you are signed in.');
    await expect(page).toHaveTitle('Add a credential · credkit demo');

    await press(page, 'Sign out');
    await expect(heading(page, 'Sign up')).toBeFocused();
    await expect(announcer(page)).toHaveText('You are signed out.');

    await press(page, 'Already have a passkey? Sign in');
    await press(page, 'Sign in with a passkey');
    await expect(heading(page, 'Add a credential')).toBeFocused();
    await expect(announcer(page)).toHaveText('You are signed in.');
    await expect(page.getByTestId('signed-in-user')).toContainText(username);

    // Every passkey lost: this authenticator goes, a new one comes, and the recovery key brings the account back.
    await press(page, 'Sign out');
    await expect(announcer(page)).toHaveText('You are signed out.');
    await authenticator.remove();
    await addVirtualAuthenticator(page, { kind: 'security-key' });
    await recover(page, mockApi.full, { username, credentialId, recoveryCode, passkeyName: 'New key' });
    await expect(heading(page, 'Add a credential')).toBeFocused();
    await expect(announcer(page)).toHaveText('Account recovered: you are signed in.');
  });
});
