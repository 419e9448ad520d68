// The demo's layout (top bar, journeys, wire panel) through axe-core, in the light and dark themes the
// theme switch sets, with the wire panel full and opened.
import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

async function expectNoViolations(page: Page, state: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const found = violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`,
  );
  expect(found, `axe violations in state "${state}"`).toEqual([]);
}

for (const theme of ['light', 'dark'] as const) {
  test(`the demo's layout and wire panel, ${theme} theme, pass axe`, async ({
    page,
    authenticator: _authenticator,
  }) => {
    // The other scheme in the browser: the switch, not the system setting, decides.
    await page.emulateMedia({ colorScheme: theme === 'dark' ? 'light' : 'dark' });
    await page.goto('/');
    await page.getByLabel('Theme').selectOption(theme);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await expect(page.getByRole('button', { name: 'Sign up with a passkey' })).toBeVisible();
    await expectNoViolations(page, `${theme}: sign-up`);

    await page.getByLabel('Username').fill(`axe-${randomUUID().slice(0, 8)}@example.com`);
    await page.getByRole('button', { name: 'Sign up with a passkey' }).click();
    await page.getByRole('radio', { name: /^Key \(/ }).check();
    await page.getByRole('textbox', { name: 'Credential name' }).fill('Server key');
    await page.getByRole('button', { name: 'Create key' }).click();
    await expect(page.getByRole('status')).toContainText('Server key');
    const panel = page.getByRole('complementary', { name: 'On the wire' });
    await expect(panel.getByRole('list', { name: 'Steps of Add a credential' }).first()).toBeVisible();
    for (const details of await panel.locator('details').all()) {
      await details.evaluate((element) => element.setAttribute('open', ''));
    }
    await expectNoViolations(page, `${theme}: signed in, the wire panel opened`);

    await page.getByRole('link', { name: 'Manage', exact: true }).click();
    await expect(page.getByRole('table', { name: 'Your credentials' })).toBeVisible();
    await expectNoViolations(page, `${theme}: manage`);
    await page.getByRole('link', { name: 'Sign in', exact: true }).click();
    await expect(page.getByText('You are signed in: sign out')).toBeVisible();
    await expectNoViolations(page, `${theme}: a journey for the signed out`);
  });
}
