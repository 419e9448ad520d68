import { expect, test } from './fixtures.ts';

test.describe('every text comes from the messages prop', () => {
  test('the component in French: labels, phases, success and errors', async ({ page, authenticator }) => {
    await page.goto('/?embed');
    await page.getByLabel('Component language').selectOption('fr');
    const field = page.getByRole('textbox', { name: 'Nom de l’identifiant' });
    await page.getByRole('button', { name: 'Enregistrer la clé d’accès' }).click();
    await expect(page.getByRole('alert')).toHaveText('Donnez un nom à l’identifiant.');

    await field.fill('Portable');
    await page.getByRole('button', { name: 'Enregistrer la clé d’accès' }).click();
    await expect(page.getByRole('status')).toHaveText('Clé d’accès « Portable » enregistrée.');

    await field.fill('Encore');
    await page.getByRole('button', { name: 'Enregistrer la clé d’accès' }).click();
    await expect(page.getByRole('alert')).toHaveText('Cet appareil détient déjà une clé d’accès pour votre compte.');
    expect(await authenticator.credentials()).toHaveLength(1);
  });
});
