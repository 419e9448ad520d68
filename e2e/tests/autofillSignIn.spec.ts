import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { base64ToBase64url, expect, recordApiRequests, test } from './fixtures.ts';
import { collectPageErrors, instrumentPage } from './instrumentation.ts';

// Autofill sign-in (`<SignIn>` over `usePasskeyAutofill`, on by default in the demo): a usernameless
// conditional get() while the sign-in form is shown. Chromium's virtual authenticator answers a
// conditional request at once with its discoverable passkey (no focus, no autofill UI: measured),
// which is what the first test uses (`autofill: 'answered'`); the others keep the suite's default,
// the testing kit's `autofill: 'held'`, as a person who never opens the autofill, to see how the
// button's prompt and leaving the form end it.

async function signUpAndOut(page: Page) {
  const username = `autofill-${randomUUID().slice(0, 8)}@example.com`;
  await page.goto('/');
  await page.getByLabel('Username').fill(username);
  await page.getByRole('button', { name: 'Sign up with a passkey' }).click();
  await expect(page.getByTestId('signed-in-user')).toContainText(username);
  await page.getByRole('button', { name: 'Sign out' }).click();
  return username;
}

const signInForm = (page: Page) => page.locator('form[data-autofill]');

test.describe('autofill sign-in (conditional mediation)', () => {
  test.describe('answered', () => {
    // As the virtual authenticator does: it picks its discoverable passkey for the request at once.
    test.use({ autofill: 'answered' });

    test('the autofill signs in usernameless with the passkey the authenticator offers', async ({
      page,
      authenticator,
    }) => {
      const probe = await instrumentPage(page);
      const username = await signUpAndOut(page);
      const [passkey] = await authenticator.credentials();
      if (!passkey) throw new Error('sign-up made no passkey');
      const inits = recordApiRequests(page, '/auth/login/init');
      const logins = recordApiRequests(page, '/auth/login');

      await page.getByRole('button', { name: 'Already have a passkey? Sign in' }).click();
      await expect(page.getByTestId('signed-in-user')).toContainText(username);
      expect(await probe.gets()).toEqual([{ mediation: 'conditional', allowCredentials: 0 }]);
      expect(inits.map((request) => request.postDataJSON())).toEqual([{ orgId: expect.any(String) }]);
      expect(logins).toHaveLength(1);
      expect(logins[0]?.postDataJSON()).toMatchObject({
        firstFactor: { kind: 'Fido2', credentialAssertion: { credId: base64ToBase64url(passkey.credentialId) } },
      });
      expect((await authenticator.credentials())[0]?.signCount).toBeGreaterThan(passkey.signCount);
    });
  });

  test('the button replaces the pending autofill silently; after a failed button sign-in the autofill is back', async ({
    page,
    authenticator,
  }) => {
    const errors = collectPageErrors(page);
    const probe = await instrumentPage(page);
    const username = await signUpAndOut(page);
    await page.getByRole('button', { name: 'Already have a passkey? Sign in' }).click();
    await expect(signInForm(page)).toHaveAttribute('data-autofill', 'pending');
    await expect.poll(probe.gets).toEqual([{ mediation: 'conditional', allowCredentials: 0 }]);
    await expect(page.getByLabel('Username (optional)')).toHaveAttribute('autocomplete', 'username webauthn');
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((violation) => violation.id)).toEqual([]);

    // The button's prompt fails (user verification refused): its own error is shown, nothing of the autofill's.
    await authenticator.cdp.send('WebAuthn.setUserVerified', {
      authenticatorId: authenticator.id,
      isUserVerified: false,
    });
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await expect(page.getByRole('alert')).toHaveAttribute('data-code', 'cancelled');
    await expect(page.getByRole('alert')).toHaveCount(1);
    // The autofill asked again, with a new challenge.
    await expect
      .poll(probe.gets)
      .toEqual([
        { mediation: 'conditional', allowCredentials: 0 },
        { allowCredentials: 0 },
        { mediation: 'conditional', allowCredentials: 0 },
      ]);
    await expect(signInForm(page)).toHaveAttribute('data-autofill', 'pending');

    await authenticator.cdp.send('WebAuthn.setUserVerified', {
      authenticatorId: authenticator.id,
      isUserVerified: true,
    });
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await expect(page.getByTestId('signed-in-user')).toContainText(username);

    const outcomes = await probe.getOutcomes();
    // Each autofill request ended by an abort with credkit's reason (replaced, or the form left), never
    // "A request is already pending"; the button's prompts settled by themselves.
    const replaced = 'get-aborted: CredkitError: A newer passkey prompt replaced this one.';
    expect(outcomes.slice(0, 4)).toEqual([
      replaced,
      'get-settled: CredkitError',
      'get-settled: NotAllowedError',
      replaced,
    ]);
    expect(outcomes.filter((outcome) => outcome === 'get-settled: resolved')).toHaveLength(1);
    expect(outcomes.join('\n')).not.toMatch(/already pending/i);
    expect(errors).toEqual([]);
  });

  test('leaving the sign-in form ends the pending autofill', async ({ page }) => {
    const probe = await instrumentPage(page);
    await page.goto('/');
    await page.getByRole('button', { name: 'Already have a passkey? Sign in' }).click();
    await expect(signInForm(page)).toHaveAttribute('data-autofill', 'pending');
    // `pending` comes as the challenge is fetched: wait for the request itself.
    await expect.poll(probe.gets).toEqual([{ mediation: 'conditional', allowCredentials: 0 }]);
    await page.getByRole('button', { name: 'Lost your passkeys?' }).click();
    await expect
      .poll(probe.getOutcomes)
      .toEqual(['get-aborted: CredkitError: The autofill sign-in was left.', 'get-settled: CredkitError']);
    expect(await probe.gets()).toHaveLength(1);
  });
});
