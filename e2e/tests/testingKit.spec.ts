import {
  callFromPage,
  deactivateCredential,
  MockCallError,
  readLoginCode,
  readRecoveryCode,
  signIn,
  signUp,
} from '@credkit/mock-backend/playwright';
import { expect, test } from './fixtures.ts';

test.describe('the testing kit: the steps a host test needs done without its UI', () => {
  test('should sign up, sign in, read the mailed codes and refuse to deactivate the last signer', async ({
    page,
    authenticator,
    mockApi,
  }) => {
    // From the demo's page: its origin, and the mock both builds reach (the static one in the page).
    await page.goto('/');
    // Shown once the demo's mock answers (the static build's, once its Service Worker controls the page).
    await expect(page.getByRole('button', { name: 'Sign up with a passkey' })).toBeVisible();
    const user = await signUp(page, mockApi.full);
    const [held] = await authenticator.credentials();
    expect(held?.credentialId).toBe(user.credentialId);
    const signCount = async () => (await authenticator.credentials())[0]?.signCount ?? 0;
    const afterSignUp = await signCount();

    const byName = await signIn(page, mockApi.full, { username: user.username });
    const discoverable = await signIn(page, mockApi.full);
    for (const token of [user.token, byName, discoverable]) {
      expect(await callFromPage(page, `${mockApi.full}/auth/users/me`, { token })).toMatchObject({
        userId: user.userId,
      });
    }
    expect(await signCount()).toBe(afterSignUp + 2);

    const mailTo = { username: user.username, orgId: user.orgId };
    await callFromPage(page, `${mockApi.full}/auth/recover/user/code`, { body: mailTo });
    expect(await readRecoveryCode(page, mockApi.full, user.username)).toMatch(/^\d{4}-\d{4}-\d{4}-\d{4}$/);
    await callFromPage(page, `${mockApi.full}/auth/login/code`, { body: mailTo });
    expect(await readLoginCode(page, mockApi.full, user.username)).toMatch(/^\d{4}-\d{4}-\d{4}-\d{4}$/);

    // The user action is signed (the counter moves), then the mock refuses: the passkey is the last signer.
    const refused = deactivateCredential(page, mockApi.full, { token: byName, credentialId: user.credentialId });
    await expect(refused).rejects.toThrow(MockCallError);
    await expect(refused).rejects.toThrow(/400 credential .* is the last active credential that can sign/);
    expect(await signCount()).toBe(afterSignUp + 3);
  });
});
