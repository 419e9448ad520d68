import { expect, test } from './fixtures.ts';

test.describe('every text comes from the messages prop', () => {
  test('the component in French: labels, phases, success and errors', async ({ page, authenticator }) => {
    await page.goto('/?embed');
    await page.getByLabel('Component language').selectOption('fr');
    const field = page.getByRole('textbox', { name: 'Nom de l’identifiant (facultatif)', exact: true });
    await expect(field).toHaveAccessibleDescription(
      'Laissé vide, il prendra le nom de votre gestionnaire de mots de passe.',
    );

    await field.fill('Portable');
    await page.getByRole('button', { name: 'Enregistrer la clé d’accès' }).click();
    await expect(page.getByRole('status')).toHaveText('Clé d’accès « Portable » enregistrée.');

    await field.fill('Encore');
    await page.getByRole('button', { name: 'Enregistrer la clé d’accès' }).click();
    await expect(page.getByRole('alert')).toHaveText('Cet appareil détient déjà une clé d’accès pour votre compte.');
    expect(await authenticator.credentials()).toHaveLength(1);

    // A key's name is required, and said missing in French too.
    await page.getByRole('radio', { name: /^Key \(/ }).check();
    await page.getByRole('button', { name: 'Créer la clé', exact: true }).click();
    await expect(page.getByRole('alert')).toHaveText('Donnez un nom à l’identifiant.');
  });
});
