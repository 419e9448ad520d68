import { randomUUID } from 'node:crypto';
import { interceptFetch } from '@credkit/mock-backend/playwright';
import type { Page } from '@playwright/test';
import { expect, recordApiRequests, test } from './fixtures.ts';

/** Signs a new user up; returns the bearer token the demo sends, as the mock sees it. */
async function signUpAndReadToken(page: Page): Promise<string> {
  const lists = recordApiRequests(page, '/auth/credentials', 'GET');
  const username = `user-${randomUUID().slice(0, 8)}@example.com`;
  await page.goto('/');
  await page.getByLabel('Username').fill(username);
  await page.getByRole('button', { name: 'Sign up with a passkey' }).click();
  await expect(page.getByTestId('signed-in-user')).toContainText(username);
  await expect.poll(() => lists.length).toBeGreaterThan(0);
  return (await lists[0]?.headerValue('authorization')) ?? '';
}

/** The status of `GET /auth/credentials` with `authorization`, sent from the page (both builds' mocks answer there). */
function statusWith(page: Page, url: string, authorization: string): Promise<number> {
  return page.evaluate(
    async ({ url, authorization }) => (await fetch(url, { headers: { Authorization: authorization } })).status,
    { url: `${url}/auth/credentials`, authorization },
  );
}

test.describe('signing out (PUT /auth/logout)', () => {
  test('the server ends the token: it is refused afterwards, and a reload stays signed out', async ({
    page,
    authenticator: _authenticator,
    mockApi,
  }) => {
    const token = await signUpAndReadToken(page);
    expect(token).toMatch(/^Bearer /);
    expect(await statusWith(page, mockApi.full, token)).toBe(200);

    const logouts = recordApiRequests(page, '/auth/logout', 'PUT');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('button', { name: 'Sign up with a passkey' })).toBeVisible();
    expect(logouts).toHaveLength(1);
    expect(await logouts[0]?.headerValue('authorization')).toBe(token);
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(await statusWith(page, mockApi.full, token)).toBe(401);

    await page.reload();
    await expect(page.getByRole('button', { name: 'Sign up with a passkey' })).toBeVisible();
    await expect(page.getByTestId('signed-in-user')).toHaveCount(0);
  });

  test('a sign-out the server does not confirm still signs this page out, and says so', async ({
    page,
    authenticator: _authenticator,
  }) => {
    await signUpAndReadToken(page);
    await interceptFetch(page, '/auth/logout', () => ({
      fulfill: { status: 503, body: JSON.stringify({ error: { message: 'Service unavailable' } }) },
    }));
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('button', { name: 'Sign up with a passkey' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText(
      'You are signed out on this device, but the server could not end the session',
    );
  });
});
