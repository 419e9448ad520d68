// An end-to-end test of your app in Chromium: a WebAuthn virtual authenticator answers the prompt.
import { expect, test } from '@playwright/test';

test('adds a passkey', async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  await page.goto('http://localhost:5173/');
  await page.getByRole('textbox', { name: 'Credential name' }).fill('Test passkey');
  await page.getByRole('button', { name: 'Register passkey' }).click();
  await expect(page.getByRole('status')).toHaveText('Passkey “Test passkey” registered.');
});
