import { randomUUID } from 'node:crypto';
import {
  addVirtualAuthenticator,
  base64ToBase64url,
  expect,
  holdAutofill,
  recordApiRequests,
  test,
} from './fixtures.ts';

const listItems = (page: import('@playwright/test').Page) =>
  page.getByRole('list', { name: 'Credentials' }).getByRole('listitem');

test.describe('a passkey on another device, with a one-time code', () => {
  test('the laptop makes a code; the phone, without a session, registers with its link and signs in', async ({
    page,
    browser,
    authenticator: _authenticator,
    mockApi,
  }) => {
    // The static build's mock lives in each page: a second device could not reach the first's.
    test.skip(mockApi.inPage, 'needs a mock both devices reach');
    const username = `user-${randomUUID().slice(0, 8)}@example.com`;
    await page.goto('/');
    await page.getByLabel('Username').fill(username);
    await page.getByRole('button', { name: 'Sign up with a passkey' }).click();
    await expect(page.getByTestId('signed-in-user')).toContainText(username);

    // The laptop: a code, confirmed with its passkey (user-action signing).
    const codeRequests = recordApiRequests(page, '/auth/credentials/code');
    await page.getByRole('link', { name: 'Manage' }).click();
    await page.getByRole('button', { name: 'Add a passkey on another device' }).click();
    const link = page.getByRole('link', { name: /another-device/ });
    await expect(link).toBeVisible();
    await expect(page.getByRole('img', { name: 'QR code of the link to add a passkey' })).toBeVisible();
    const href = await link.getAttribute('href');
    if (!href) throw new Error('no link to the other device');
    expect(codeRequests).toHaveLength(1);
    expect(await codeRequests[0]?.headerValue('x-dfns-useraction')).toMatch(/^ua-/);

    // The phone: its own browser context and authenticator, no session.
    const phoneContext = await browser.newContext();
    try {
      const phone = await phoneContext.newPage();
      // As the suite's own page (playwright.config.ts): the autofill waits for the person.
      await holdAutofill(phone);
      const phoneAuthenticator = await addVirtualAuthenticator(phone);
      await phone.goto(href);
      await expect(phone.getByRole('textbox', { name: 'Code from your other device' })).not.toHaveValue('');
      // The code is read, then taken out of the phone's address bar.
      await expect(phone).not.toHaveURL(/code=/);
      await phone.getByRole('textbox', { name: 'Credential name' }).fill('Phone');
      await phone.getByRole('button', { name: 'Register passkey' }).click();
      await expect(phone.getByRole('status')).toContainText('Phone');
      const [made] = await phoneAuthenticator.credentials();
      if (!made) throw new Error('the phone made no passkey');

      // The phone signs in with its new passkey, as that user.
      await phone.getByRole('link', { name: 'sign in with it' }).click();
      await phone.getByRole('button', { name: 'Already have a passkey? Sign in' }).click();
      await phone.getByRole('button', { name: 'Sign in with a passkey' }).click();
      await expect(phone.getByTestId('signed-in-user')).toContainText(username);

      // The laptop's list shows it, with the phone's credential id.
      await page.getByRole('link', { name: 'Add a credential' }).click();
      await page.reload();
      await expect(listItems(page)).toHaveCount(2);
      await expect(listItems(page).filter({ hasText: 'Phone' })).toHaveAttribute(
        'data-credential-id',
        base64ToBase64url(made.credentialId),
      );

      // The code worked once: the same link again is refused, clearly.
      const again = await phoneContext.newPage();
      await holdAutofill(again);
      await addVirtualAuthenticator(again, { kind: 'security-key' });
      await again.goto(href);
      await again.getByRole('textbox', { name: 'Credential name' }).fill('Tablet');
      await again.getByRole('button', { name: 'Register passkey' }).click();
      await expect(again.getByRole('alert')).toHaveAttribute('data-code', 'invalid-code');
    } finally {
      await phoneContext.close();
    }
  });
});
