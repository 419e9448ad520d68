import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { addVirtualAuthenticator, expect, test } from '../tests/fixtures.ts';

const out = (name: string) => fileURLToPath(new URL(`../../docs/screenshots/${name}.png`, import.meta.url));
/** The page as a visitor sees it: the top bar, the journeys, the journey and the wire panel. */
const shot = (page: Page, name: string) => page.screenshot({ path: out(name), animations: 'disabled' });
/** Focus rings belong to keyboard use, not to a picture. */
const blur = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

test('the demo, state by state', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Username').fill('ada@example.com');
  await shot(page, '1-sign-up');

  const authenticator = await addVirtualAuthenticator(page);
  await page.getByLabel('Username').fill(`ada-${randomUUID().slice(0, 4)}@example.com`);
  await page.getByRole('button', { name: 'Sign up with a passkey' }).click();
  await expect(page.getByTestId('signed-in-user')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Credentials' })).toBeVisible();
  // A key, confirmed with the passkey: the wire panel shows the Dfns user-action round.
  await page.getByRole('radio', { name: /^Key \(/ }).check();
  await page.getByRole('textbox', { name: 'Credential name' }).fill('Server key');
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByRole('status')).toContainText('Server key');
  await expect(page.getByRole('list', { name: 'Credentials' }).getByRole('listitem')).toHaveCount(2);
  await page.getByRole('radio', { name: /^Passkey \(/ }).check();
  await blur(page);
  // From the top: the journeys and the nudges above the form (focus moved down the page).
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, '2-signed-in');

  await authenticator.cdp.send('WebAuthn.setAutomaticPresenceSimulation', {
    authenticatorId: authenticator.id,
    enabled: false,
  });
  await page.getByRole('textbox', { name: 'Credential name' }).fill('Work laptop');
  await page.getByRole('button', { name: 'Register passkey' }).click();
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeVisible();
  await shot(page, '3-busy');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await blur(page);
  await shot(page, '4-cancelled');

  await page.getByRole('radio', { name: /^Recovery key \(/ }).check();
  await page.getByRole('textbox', { name: 'Credential name' }).fill('Recovery');
  await page.getByRole('button', { name: 'Create recovery key' }).click();
  await expect(page.getByRole('group', { name: 'Save your recovery code' })).toBeVisible();
  await shot(page, '5-recovery-code');
});

test('the simple embed after a registration', async ({ page }) => {
  await addVirtualAuthenticator(page);
  await page.goto('/?embed');
  await page.getByRole('textbox', { name: 'Credential name' }).fill('Security key');
  await page.getByRole('button', { name: 'Register passkey' }).click();
  await expect(page.getByRole('status')).toHaveText('Passkey “Security key” registered.');
  await blur(page);
  await shot(page, '6-embed-success');
});

test('dark theme and French texts, from @credkit/react/styles.css and the messages prop', async ({ page }) => {
  await addVirtualAuthenticator(page, { presence: false });
  await page.goto('/?embed&timeout=300&grace=200');
  // The demo's own switches: the theme (the kit's styles follow the page's color-scheme) and the language.
  await page.getByLabel('Theme').selectOption('dark');
  await page.getByLabel('Component language').selectOption('fr');
  await page.getByRole('textbox', { name: 'Nom de l’identifiant' }).fill('Portable');
  await page.getByRole('button', { name: 'Enregistrer la clé d’accès' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await blur(page);
  await shot(page, '7-dark-french-error');
});
