import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { interceptFetch } from '@credkit/mock-backend/playwright';
import type { Page } from '@playwright/test';
import { signOutToRecovery, signUpAndManage } from './demoSteps.ts';
import { addVirtualAuthenticator, expect, test } from './fixtures.ts';
import { instrumentPage } from './instrumentation.ts';

/** Runs axe-core on the page as it is now; fails with the rules and the elements when anything is found. */
async function expectNoViolations(page: Page, state: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const found = violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`,
  );
  expect(found, `axe violations in state "${state}"`).toEqual([]);
}

async function fillName(page: Page, name = `Key ${randomUUID().slice(0, 8)}`) {
  await page.getByRole('textbox', { name: 'Credential name' }).fill(name);
  return name;
}

test.describe('accessibility: axe-core finds nothing in any state', () => {
  test('idle, busy and cancelled, with focus on the outcome', async ({ page }) => {
    await addVirtualAuthenticator(page, { presence: false });
    await page.goto('/?embed');
    // The static build renders once its Service Worker is in control: wait for the form, not for time.
    await expect(page.getByRole('textbox', { name: 'Credential name' })).toBeVisible();
    await expectNoViolations(page, 'idle');

    await fillName(page);
    await page.getByRole('button', { name: 'Register passkey' }).click();
    await expect(page.getByRole('button', { name: 'Cancel' })).toBeVisible();
    await expectNoViolations(page, 'busy (ceremony)');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('alert')).toBeFocused();
    await expectNoViolations(page, 'error: cancelled');
  });

  test('success and already registered', async ({ page, authenticator }) => {
    await page.goto('/?embed');
    const name = await fillName(page);
    await page.getByRole('button', { name: 'Register passkey' }).click();
    await expect(page.getByRole('status')).toHaveText(`Passkey “${name}” registered.`);
    await expect(page.getByRole('status')).toBeFocused();
    await expectNoViolations(page, 'success');

    await fillName(page);
    await page.getByRole('button', { name: 'Register passkey' }).click();
    await expect(page.getByRole('alert')).toHaveAttribute('data-code', 'already-registered');
    await expectNoViolations(page, 'error: already registered');
    expect(await authenticator.credentials()).toHaveLength(1);
  });

  test("a server error, and a key's missing name", async ({ page }) => {
    await addVirtualAuthenticator(page);
    await interceptFetch(page, '/auth/credentials/init', () => ({
      fulfill: { status: 500, body: '{"error":{"message":"Challenge service unavailable"}}' },
    }));
    await page.goto('/?embed');
    // A passkey's name may be left blank (it is named after its provider): the click goes to the server.
    await page.getByRole('button', { name: 'Register passkey' }).click();
    await expect(page.getByRole('alert')).toHaveText(
      'The server refused the request (HTTP 500). The server said: “Challenge service unavailable”',
    );
    await expectNoViolations(page, 'error: server');
    // A key's name is required.
    await page.getByRole('radio', { name: /^Key \(/ }).check();
    await page.getByRole('button', { name: 'Create key' }).click();
    await expect(page.getByRole('alert')).toHaveText('Give the credential a name.');
    await expectNoViolations(page, 'error: missing name');
  });

  test('password fields with a mismatch, and the recovery code step', async ({ page }) => {
    await page.goto('/?embed');
    await page.getByRole('radio', { name: /^Password-protected key \(/ }).check();
    await fillName(page);
    await page.getByLabel('Password', { exact: true }).fill('long enough password');
    await page.getByLabel('Confirm password').fill('another password');
    await page.getByRole('button', { name: 'Create password-protected key' }).click();
    await expect(page.getByRole('alert')).toHaveText('The passwords do not match.');
    await expectNoViolations(page, 'error: password mismatch');

    await page.getByRole('radio', { name: /^Recovery key \(/ }).check();
    await fillName(page);
    await page.getByRole('button', { name: 'Create recovery key' }).click();
    await expect(page.getByRole('group', { name: 'Save your recovery code' })).toBeVisible();
    await expectNoViolations(page, 'recovery code');
  });

  test('dark colour scheme', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    await page.goto('/?embed');
    // The passkey name's hint, in its muted colour.
    await expect(page.locator('[data-credkit-part="hint"]')).toBeVisible();
    await expectNoViolations(page, 'dark, the name field with its hint');
    // A key's name is required: an error.
    await page.getByRole('radio', { name: /^Key \(/ }).check();
    await page.getByRole('button', { name: 'Create key' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await expectNoViolations(page, 'dark, with an error');
  });

  test('dark colour scheme: the list, a code and the recovery form', async ({
    page,
    authenticator: _authenticator,
  }) => {
    await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    await signUpAndManage(page, 'dark');
    await page.getByRole('button', { name: 'Add a passkey on another device' }).click();
    await expect(page.getByRole('img', { name: 'QR code of the link to add a passkey' })).toBeVisible();
    await expectNoViolations(page, 'dark: list, code and QR code');

    await signOutToRecovery(page);
    await page.getByLabel('Username').fill('someone@example.com');
    await page.getByRole('button', { name: 'Send the code' }).click();
    await page.getByRole('button', { name: 'Recover and add a passkey' }).click();
    await expect(page.getByRole('alert')).toHaveText('Enter the code from the e-mail.');
    await expectNoViolations(page, 'dark: recovery, with an error');
  });

  test('French texts, a chosen authenticator, and the automatic upgrade waiting', async ({
    page,
    authenticator: _authenticator,
  }) => {
    await page.goto('/?embed&upgrade');
    await page.getByLabel('Component language').selectOption('fr');
    await page
      .getByRole('group', { name: 'Où garder la clé d’accès' })
      .getByRole('radio', { name: 'Clé de sécurité' })
      .check();
    await expect(page.getByTestId('passkey-upgrade')).toHaveAttribute('data-status', 'pending');
    await expectNoViolations(page, 'French, choices, upgrade pending');
  });

  for (const [reducedMotion, animation] of [
    ['no-preference', 'credkit-pulse'],
    ['reduce', 'none'],
  ] as const) {
    test(`busy indicator with prefers-reduced-motion: ${reducedMotion}`, async ({ page }) => {
      await page.emulateMedia({ reducedMotion });
      await addVirtualAuthenticator(page, { presence: false });
      await page.goto('/?embed');
      await fillName(page);
      await page.getByRole('button', { name: 'Register passkey' }).click();
      const status = page.getByRole('status');
      await expect(page.getByRole('button', { name: 'Cancel' })).toBeVisible();
      const seen = await status.evaluate((element) => getComputedStyle(element, '::before').animationName);
      expect(seen).toBe(animation);
      // The text itself never fades: its opacity stays 1 whatever the motion preference.
      expect(await status.evaluate((element) => getComputedStyle(element).opacity)).toBe('1');
    });
  }

  test('sign-up with a recovery key, a sign-out the server refused, and the password-protected key sign-in', async ({
    page,
    authenticator: _authenticator,
  }) => {
    await page.goto('/');
    await page.getByLabel('Username').fill(`user-${randomUUID().slice(0, 8)}@example.com`);
    await page.getByRole('checkbox', { name: /^Also make a recovery key/ }).check();
    await page.getByRole('button', { name: 'Sign up with a passkey' }).click();
    const step = page.getByRole('group', { name: 'Save your recovery code' });
    await expect(step).toBeVisible();
    await expectNoViolations(page, 'sign-up: the recovery code, before the request');
    await step.getByRole('checkbox', { name: 'I have saved my recovery code' }).check();
    await step.getByRole('button', { name: 'Create my account' }).click();
    const saved = page.getByRole('group', { name: 'Your recovery key' });
    await expect(saved).toBeVisible({ timeout: 30_000 });
    await expectNoViolations(page, 'sign-up: the recovery key ID with its code');
    await saved.getByRole('button', { name: 'I have saved them' }).click();

    await interceptFetch(page, '/auth/logout', () => ({ fulfill: { status: 503, body: '{}' } }));
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await expectNoViolations(page, 'a sign-out the server refused');

    await page.getByRole('button', { name: 'Already have a passkey? Sign in' }).click();
    await page.getByRole('button', { name: 'Sign in with a password-protected key' }).click();
    const form = page.getByRole('region', { name: 'Sign in with a password-protected key' });
    await form.getByLabel('Username').fill('nobody@example.com');
    await form.getByRole('button', { name: 'Send me a code' }).click();
    await expect(form.getByRole('status')).toHaveText('We e-mailed you a code.');
    await form.getByLabel('Code from the e-mail').fill('0000-0000-0000-0000');
    await form.getByLabel('Password of the key').fill('a password');
    await form.getByRole('button', { name: 'Sign in with the key' }).click();
    await expect(form.getByRole('alert')).toBeVisible();
    await expectNoViolations(page, 'password-protected key sign-in, with an error');
  });

  test('sign-up', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('button', { name: 'Sign up with a passkey' })).toBeVisible();
    await expectNoViolations(page, 'sign-up');
  });

  test('sign-in, the credential list, a code with its QR code, and the other device', async ({
    page,
    authenticator: _authenticator,
  }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Already have a passkey? Sign in' }).click();
    await expect(page.getByRole('button', { name: 'Sign in with a passkey' })).toBeVisible();
    await expectNoViolations(page, 'sign-in');
    await page.getByRole('button', { name: 'Lost your passkeys?' }).click();
    await expect(page.getByRole('button', { name: 'Send the code' })).toBeVisible();
    await expectNoViolations(page, 'recovery');

    await page.getByRole('button', { name: 'New here? Sign up' }).click();
    const username = `user-${randomUUID().slice(0, 8)}@example.com`;
    await page.getByLabel('Username').fill(username);
    await page.getByRole('button', { name: 'Sign up with a passkey' }).click();
    // Signed up before leaving: a click on Manage meanwhile would leave the sign-up unfinished.
    await expect(page.getByTestId('signed-in-user')).toContainText(username);
    await page.getByRole('link', { name: 'Manage' }).click();
    await expect(page.getByRole('table', { name: 'Your credentials' }).getByRole('row')).toHaveCount(2);
    await page.getByRole('button', { name: 'Add a passkey on another device' }).click();
    await expect(page.getByRole('img', { name: 'QR code of the link to add a passkey' })).toBeVisible();
    await expectNoViolations(page, 'manage: list, code and QR code');

    const response = await page.goto('/?code=ABC#another-device');
    await expect(page.getByRole('textbox', { name: 'Code from your other device' })).toHaveValue('ABC');
    // Read, then gone from the address bar (the hash kept), and no page address is sent as a referrer.
    await expect(page).not.toHaveURL(/code=/);
    expect(new URL(page.url()).hash).toBe('#another-device');
    await expect(page.locator('meta[name="referrer"]')).toHaveAttribute('content', 'no-referrer');
    expect(response?.headers()['referrer-policy']).toBe('no-referrer');
    await expectNoViolations(page, 'another device');
  });

  test('no WebAuthn', async ({ page }) => {
    await instrumentPage(page, { removeWebAuthn: true });
    await page.goto('/?embed');
    await expect(page.locator('[data-credkit-part="unsupported"]')).toBeVisible();
    await expectNoViolations(page, 'unsupported');
  });

  test('the whole flow by keyboard alone', async ({ page, authenticator }) => {
    await page.goto('/?embed');
    const field = page.getByRole('textbox', { name: 'Credential name' });
    await field.focus();
    await page.keyboard.type('Typed by keyboard');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status')).toHaveText('Passkey “Typed by keyboard” registered.');
    await expect(page.getByRole('status')).toBeFocused();
    expect(await authenticator.credentials()).toHaveLength(1);
  });
});
