import type { Locator, Page } from '@playwright/test';
import { signOutToRecovery, signUpAndManage } from './demoSteps.ts';
import { expect, test } from './fixtures.ts';

// The demo imports `@credkit/react/styles.css`; these read what Chromium computed from it.

const css = (locator: Locator, property: string) =>
  locator.evaluate((element, name) => getComputedStyle(element).getPropertyValue(name), property);

/** A host's theme, set on an ancestor of the components (the demo's `<main>`), as the docs tell hosts to. */
async function themeOnAncestor(page: Page) {
  await page.addStyleTag({ content: 'main { --credkit-accent: rgb(1, 2, 3); --credkit-radius: 3px; }' });
}

test.describe('styles.css', () => {
  test('styles every component, in light and dark', async ({ page, authenticator: _authenticator }) => {
    await page.goto('/?embed');
    const register = page.getByRole('button', { name: 'Register passkey' });
    await expect(register).toBeVisible();
    expect(await css(register, 'background-color')).toBe('rgb(9, 105, 218)');
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await css(register, 'background-color')).toBe('rgb(68, 147, 248)');
    await page.emulateMedia({ colorScheme: 'light' });

    await signUpAndManage(page, 'styles');
    const list = page.locator('[data-credkit="credential-list"]');
    expect(await css(list.locator('[data-credkit-part="table"]'), 'border-collapse')).toBe('collapse');
    expect(await css(list.getByRole('button', { name: /^Deactivate / }), 'border-radius')).toBe('8px');

    const create = page.getByRole('button', { name: 'Add a passkey on another device' });
    expect(await css(create, 'background-color')).toBe('rgb(9, 105, 218)');
    await create.click();
    const code = page.locator('[data-credkit-part="code"] code');
    await expect(code).toBeVisible();
    // ui-monospace: the browser's own default for <code> is plain monospace.
    expect(await css(code, 'font-family')).toContain('ui-monospace');

    await signOutToRecovery(page);
    const recover = page.locator('form[data-credkit="recover-account"]');
    await expect(recover).toBeVisible();
    expect(await css(recover, 'display')).toBe('grid');
    await page.getByLabel('Username').fill('someone@example.com');
    await page.getByRole('button', { name: 'Send the code' }).click();
    const option = page.getByRole('checkbox', { name: /^Also make a new recovery key/ });
    await expect(option).toBeVisible();
    // The checkbox and its label share one row.
    const [box, label] = await Promise.all([
      option.boundingBox(),
      recover.locator('[data-credkit-part="new-key-option"] + label').boundingBox(),
    ]);
    expect(box && label && box.y < label.y + label.height && label.y < box.y + box.height).toBe(true);
    expect(await css(recover.getByRole('button', { name: 'Recover and add a passkey' }), 'background-color')).toBe(
      'rgb(9, 105, 218)',
    );
  });

  test('the recovery code shows whole, in a monospace font, and the form keeps to its column', async ({ page }) => {
    await page.goto('/?embed');
    await page.getByRole('radio', { name: /^Recovery key \(/ }).check();
    await page.getByRole('textbox', { name: 'Credential name' }).fill('Recovery');
    await page.getByRole('button', { name: 'Create recovery key' }).click();
    const step = page.getByRole('group', { name: 'Save your recovery code' });
    await expect(step).toBeVisible();
    const code = step.getByRole('textbox', { name: 'Recovery code' });
    expect(await css(code, 'font-family')).toContain('ui-monospace');
    // Nothing of the code hidden past the field's edge.
    expect(await code.evaluate((input) => input.scrollWidth <= input.clientWidth)).toBe(true);
    // A fieldset is never narrower than its content unless told: it would stick out of the form's 28rem.
    const [form, fieldset] = await Promise.all([
      page.locator('[data-credkit="register-credential"]').boundingBox(),
      step.boundingBox(),
    ]);
    if (!form || !fieldset) throw new Error('the form or its recovery step is not laid out');
    expect(form.width).toBeLessThanOrEqual(28 * 16);
    expect(fieldset.x + fieldset.width).toBeLessThanOrEqual(form.x + form.width);
  });

  test("dark follows the page's color-scheme, not only the person's preference", async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/?embed');
    const register = page.getByRole('button', { name: 'Register passkey' });
    await expect(register).toBeVisible();
    // The demo declares `color-scheme: light dark`: dark it is.
    expect(await css(register, 'background-color')).toBe('rgb(68, 147, 248)');
    const form = page.locator('[data-credkit="register-credential"]');
    expect(await css(form, 'color')).toBe('rgb(240, 246, 252)');
    // A light-only page: the light values, so no light text lands on its white background.
    await page.addStyleTag({ content: ':root { color-scheme: light; }' });
    expect(await css(register, 'background-color')).toBe('rgb(9, 105, 218)');
    expect(await css(form, 'color')).toBe('rgb(31, 35, 40)');
  });

  test('a theme set on an ancestor reaches every component', async ({ page, authenticator: _authenticator }) => {
    await page.goto('/?embed');
    await themeOnAncestor(page);
    const register = page.getByRole('button', { name: 'Register passkey' });
    expect(await css(register, 'background-color')).toBe('rgb(1, 2, 3)');
    expect(await css(register, 'border-radius')).toBe('3px');

    await signUpAndManage(page, 'styles');
    await themeOnAncestor(page);
    const create = page.getByRole('button', { name: 'Add a passkey on another device' });
    expect(await css(create, 'background-color')).toBe('rgb(1, 2, 3)');
    expect(await css(page.getByRole('button', { name: /^Deactivate / }), 'border-radius')).toBe('3px');

    await signOutToRecovery(page);
    const sendCode = page.getByRole('button', { name: 'Send the code' });
    await expect(sendCode).toBeVisible();
    expect(await css(sendCode, 'border-radius')).toBe('3px');
    expect(await css(page.getByLabel('Username'), 'border-radius')).toBe('3px');
  });
});
