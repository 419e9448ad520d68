// Steps a test needs done but does not test, without your UI: from the page (its origin and its
// virtual authenticator), against the kit's mock.
import {
  callFromPage,
  deactivateCredential,
  expect,
  readRecoveryCode,
  signIn,
  signUp,
  test,
} from '@credkit/mock-backend/playwright';

test('the helpers', async ({ page, authenticator, mock }) => {
  await page.goto('/');
  const user = await signUp(page, mock.url); // a new user, their passkey on `authenticator`
  expect(await authenticator.credentials()).toHaveLength(1);
  const token = await signIn(page, mock.url, { username: user.username });

  // Your app asks for a recovery code; the mock "e-mails" it, the test reads it.
  await callFromPage(page, `${mock.url}/auth/recover/user/code`, {
    body: { username: user.username, orgId: user.orgId },
  });
  expect(await readRecoveryCode(page, mock.url, user.username)).toMatch(/^\d{4}-/);

  // The mock refuses to deactivate the last credential that can sign: the helper throws its message.
  await expect(deactivateCredential(page, mock.url, { token, credentialId: user.credentialId })).rejects.toThrow(
    /last active credential/,
  );
});
