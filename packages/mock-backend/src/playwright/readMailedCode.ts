import type { Page } from '@playwright/test';
import { callFromPage } from './webAuthnInPage.ts';

/**
 * The newest account-recovery verification code the mock "e-mailed" to `username` (your app asked with
 * `POST /auth/recover/user/code`): read from the mock-only `GET /mock/recovery-codes`, from the page.
 */
export async function readRecoveryCode(page: Page, mockUrl: string, username: string): Promise<string> {
  const mail = await callFromPage<{ verificationCode: string }>(
    page,
    `${mockUrl}/mock/recovery-codes?username=${encodeURIComponent(username)}`,
  );
  return mail.verificationCode;
}

/**
 * The newest login code the mock "e-mailed" to `username` (your app asked with `POST /auth/login/code`):
 * read from the mock-only `GET /mock/login-codes`, from the page.
 */
export async function readLoginCode(page: Page, mockUrl: string, username: string): Promise<string> {
  const mail = await callFromPage<{ loginCode: string }>(
    page,
    `${mockUrl}/mock/login-codes?username=${encodeURIComponent(username)}`,
  );
  return mail.loginCode;
}
