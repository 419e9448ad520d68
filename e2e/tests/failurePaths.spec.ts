import { randomUUID } from 'node:crypto';
import type { Page, Route } from '@playwright/test';
import { addVirtualAuthenticator, expect, recordApiRequests, test } from './fixtures.ts';
import { collectPageErrors, instrumentPage } from './instrumentation.ts';

const INIT = '**/auth/credentials/init';
const CREATE = '**/auth/credentials';

/** Answers with the real server's headers (CORS included) but another status and body. */
async function fulfillWith(route: Route, status: number, body: string) {
  const response = await route.fetch();
  await route.fulfill({ response, status, body, contentType: 'application/json' });
}

async function startRegistration(page: Page, name = `Key ${randomUUID().slice(0, 8)}`) {
  await page.getByRole('textbox', { name: 'Credential name' }).fill(name);
  await page.getByRole('button', { name: 'Register passkey' }).click();
  return name;
}

async function expectError(page: Page, code: string, message: string | RegExp) {
  const alert = page.getByRole('alert');
  await expect(alert).toHaveAttribute('data-code', code);
  await expect(alert).toHaveText(message);
}

test.describe('every failure path, in a real browser', () => {
  test.skip(
    ({ mockApi }) => mockApi.inPage,
    "The kit's failure paths do not depend on where the mock runs, and most are staged with page.route, which cannot see what a Service Worker answers: the dev server covers them.",
  );
  // After a failed attempt the component fetches a fresh challenge at once (the prefetch): a test that
  // ends first would see its route handler's route.fetch fail with "Test ended" and fail for it.
  test.afterEach(({ page }) => page.unrouteAll({ behavior: 'ignoreErrors' }));

  test('the person cancels while the prompt is open', async ({ page }) => {
    await addVirtualAuthenticator(page, { presence: false });
    const probe = await instrumentPage(page);
    const posts = recordApiRequests(page, '/auth/credentials');
    await page.goto('/?embed');
    await startRegistration(page);
    await page.getByRole('button', { name: 'Cancel' }).click();

    await expectError(page, 'cancelled', 'Registration cancelled. Nothing was registered.');
    await expect(page.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
    expect(await probe.ceremonies()).toBe(1);
    expect((await probe.events()).some((event) => event.type === 'create-aborted')).toBe(true);
    expect(posts).toHaveLength(0);
  });

  test('the prompt times out', async ({ page }) => {
    await addVirtualAuthenticator(page, { presence: false });
    const probe = await instrumentPage(page);
    const posts = recordApiRequests(page, '/auth/credentials');
    await page.goto('/?embed&timeout=1500');
    await startRegistration(page);

    await expectError(page, 'timed-out', 'The passkey prompt timed out. Nothing was registered.');
    expect(await probe.ceremonies()).toBe(1);
    expect((await probe.events()).find((event) => event.type === 'create-settled')?.detail).toBe('NotAllowedError');
    expect(posts).toHaveLength(0);
  });

  test('a create() that never settles is abandoned by the watchdog', async ({ page }) => {
    // WebAuthn never enabled over CDP: Chromium leaves create() pending and ignores its timeout.
    const probe = await instrumentPage(page);
    const posts = recordApiRequests(page, '/auth/credentials');
    await page.goto('/?embed&timeout=1000&grace=500');
    const started = Date.now();
    await startRegistration(page);
    await expect(page.getByRole('button', { name: 'Cancel' })).toBeVisible();

    await expectError(page, 'timed-out', 'The passkey prompt timed out. Nothing was registered.');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    expect(await probe.ceremonies()).toBe(1);
    expect((await probe.events()).some((event) => event.type === 'create-aborted')).toBe(true);
    expect(posts).toHaveLength(0);
  });

  test('user verification is required but does not succeed', async ({ page }) => {
    const authenticator = await addVirtualAuthenticator(page);
    await authenticator.setUserVerified(false);
    const probe = await instrumentPage(page);
    const posts = recordApiRequests(page, '/auth/credentials');
    await page.goto('/?embed');
    await startRegistration(page);

    // Chromium answers NotAllowedError at once (the spec's answer to failed verification), not ConstraintError.
    await expectError(
      page,
      'cancelled',
      'The passkey prompt was closed, or verification did not succeed. Nothing was registered.',
    );
    expect((await probe.events()).find((event) => event.type === 'create-settled')?.detail).toBe('NotAllowedError');
    expect(await probe.ceremonies()).toBe(1);
    expect(posts).toHaveLength(0);
  });

  test('an excluded credential is already on the authenticator', async ({ page, authenticator }) => {
    const probe = await instrumentPage(page);
    const posts = recordApiRequests(page, '/auth/credentials');
    await page.goto('/?embed');
    await startRegistration(page);
    await expect(page.getByRole('status')).toContainText('registered.');
    await startRegistration(page);

    await expectError(page, 'already-registered', 'This authenticator already holds a passkey for your account.');
    expect(await probe.ceremonies()).toBe(2);
    expect(posts).toHaveLength(1);
    expect(await authenticator.credentials()).toHaveLength(1);
  });

  test('init answers 500', async ({ page }) => {
    await addVirtualAuthenticator(page);
    await page.route(INIT, (route) => fulfillWith(route, 500, '{"error":{"message":"Challenge service unavailable"}}'));
    const probe = await instrumentPage(page);
    const posts = recordApiRequests(page, '/auth/credentials');
    await page.goto('/?embed');
    await startRegistration(page);

    await expectError(
      page,
      'server',
      'The server refused the request (HTTP 500). The server said: “Challenge service unavailable”',
    );
    expect(await probe.ceremonies()).toBe(0);
    expect(posts).toHaveLength(0);
  });

  test('POST /auth/credentials answers 400 with a Dfns message, shown to the person', async ({ page }) => {
    await addVirtualAuthenticator(page);
    await page.route(CREATE, (route) =>
      route.request().method() === 'POST'
        ? fulfillWith(route, 400, '{"error":{"message":"Credential name is already in use"}}')
        : route.fallback(),
    );
    const probe = await instrumentPage(page);
    const posts = recordApiRequests(page, '/auth/credentials');
    await page.goto('/?embed');
    await startRegistration(page);

    await expectError(
      page,
      'server',
      'The server refused the request (HTTP 400). The server said: “Credential name is already in use”',
    );
    expect(await probe.ceremonies()).toBe(1);
    expect(posts).toHaveLength(1);
    // Refused for good: the passkey create() just made is signalled unknown, so the manager can drop it.
    const body = posts[0]?.postDataJSON() as { credentialInfo: { credId: string } } | undefined;
    await expect
      .poll(() => probe.unknownCredentialSignals())
      .toEqual([{ rpId: 'localhost', credentialId: body?.credentialInfo.credId }]);
  });

  test('the network is down when the credential is posted', async ({ page }) => {
    await addVirtualAuthenticator(page);
    await page.route(CREATE, (route) =>
      route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.fallback(),
    );
    const probe = await instrumentPage(page);
    const posts = recordApiRequests(page, '/auth/credentials');
    await page.goto('/?embed');
    await startRegistration(page);

    await expectError(page, 'network', 'The server could not be reached. Check your connection and try again.');
    expect(await probe.ceremonies()).toBe(1);
    expect(posts).toHaveLength(1);
    // The server may have stored it: never signalled unknown on a network error.
    expect(await probe.unknownCredentialSignals()).toEqual([]);
  });

  test('the network is down from the start', async ({ page }) => {
    await addVirtualAuthenticator(page);
    await page.route(INIT, (route) => route.abort('internetdisconnected'));
    const probe = await instrumentPage(page);
    const posts = recordApiRequests(page, '/auth/credentials');
    await page.goto('/?embed');
    await startRegistration(page);

    await expectError(page, 'network', 'The server could not be reached. Check your connection and try again.');
    expect(await probe.ceremonies()).toBe(0);
    expect(posts).toHaveLength(0);
  });

  for (const [what, patch, message] of [
    [
      'a missing field',
      (body: Record<string, unknown>) => JSON.stringify({ ...body, challenge: undefined }),
      'challenge must be a string, got missing',
    ],
    [
      'a field of the wrong type',
      (body: Record<string, unknown>) => JSON.stringify({ ...body, user: { ...(body.user as object), id: 42 } }),
      'user.id must be a string, got a number',
    ],
    ['a body that is not JSON', () => '<html>maintenance</html>', 'is not JSON'],
  ] as const) {
    test(`the challenge is malformed: ${what}`, async ({ page }) => {
      await addVirtualAuthenticator(page);
      await page.route(INIT, async (route) => {
        const response = await route.fetch();
        const body = (await response.json()) as Record<string, unknown>;
        await route.fulfill({ response, body: patch(body) });
      });
      const probe = await instrumentPage(page);
      const posts = recordApiRequests(page, '/auth/credentials');
      await page.goto('/?embed');
      await startRegistration(page);

      const alert = page.getByRole('alert');
      await expect(alert).toHaveAttribute('data-code', 'invalid-challenge');
      await expect(alert).toContainText('The server sent an invalid registration challenge');
      await expect(alert).toContainText(message);
      expect(await probe.ceremonies()).toBe(0);
      expect(posts).toHaveLength(0);
    });
  }

  test('a double click registers once', async ({ page, authenticator }) => {
    const probe = await instrumentPage(page);
    const posts = recordApiRequests(page, '/auth/credentials');
    await page.goto('/?embed');
    const name = `Double ${randomUUID().slice(0, 8)}`;
    await page.getByRole('textbox', { name: 'Credential name' }).fill(name);
    await page.getByRole('button', { name: 'Register passkey' }).dblclick();

    await expect(page.getByRole('status')).toHaveText(`Passkey “${name}” registered.`);
    expect(await probe.ceremonies()).toBe(1);
    expect(posts).toHaveLength(1);
    expect(await authenticator.credentials()).toHaveLength(1);
  });

  test('navigating away mid-ceremony aborts it: no POST afterwards, no error in the console', async ({ page }) => {
    const authenticator = await addVirtualAuthenticator(page, { presence: false });
    const errors = collectPageErrors(page);
    const probe = await instrumentPage(page);
    const posts = recordApiRequests(page, '/auth/credentials');
    await page.goto('/?embed');
    await startRegistration(page);
    await expect(page.getByRole('button', { name: 'Cancel' })).toBeVisible();
    await expect.poll(probe.ceremonies).toBe(1);

    await page.getByRole('link', { name: 'About' }).click();
    await expect(page.getByRole('heading', { name: 'About' })).toBeVisible();
    await expect.poll(async () => (await probe.events()).some((event) => event.type === 'create-aborted')).toBe(true);
    // A person touching the authenticator now finds no ceremony to complete.
    await authenticator.setPresence(true);
    await page.waitForTimeout(500);
    expect(posts).toHaveLength(0);
    expect(await authenticator.credentials()).toHaveLength(0);
    expect(errors).toEqual([]);

    await page.getByRole('link', { name: 'Add a credential' }).click();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('StrictMode: one click, one ceremony, one POST', async ({ page, authenticator }) => {
    // The demo renders inside <StrictMode> (apps/demo/src/main.tsx), so effects run twice in dev.
    const probe = await instrumentPage(page);
    const posts = recordApiRequests(page, '/auth/credentials');
    await page.goto('/?embed');
    const name = await startRegistration(page);

    await expect(page.getByRole('status')).toHaveText(`Passkey “${name}” registered.`);
    await page.waitForTimeout(300);
    expect(await probe.ceremonies()).toBe(1);
    expect(posts).toHaveLength(1);
    expect(await authenticator.credentials()).toHaveLength(1);
  });

  test('WebAuthn is absent: a clear fallback, no dead button, no request', async ({ page }) => {
    const probe = await instrumentPage(page, { removeWebAuthn: true });
    const inits = recordApiRequests(page, '/auth/credentials/init');
    const posts = recordApiRequests(page, '/auth/credentials');
    await page.goto('/?embed');

    await expect(page.locator('[data-credkit-part="unsupported"]')).toHaveText(
      'This browser cannot create passkeys here (WebAuthn is unavailable or the page is not secure). Try another browser or device.',
    );
    await expect(page.getByRole('button', { name: 'Register passkey' })).toHaveCount(0);
    // Key kinds need no WebAuthn: they stay available.
    await page.getByRole('radio', { name: /^Key \(/ }).check();
    await expect(page.getByRole('button', { name: 'Create key' })).toBeEnabled();
    expect(await probe.ceremonies()).toBe(0);
    expect(inits).toHaveLength(0);
    expect(posts).toHaveLength(0);
  });

  test('with a warm challenge, no request is sent between the click and create()', async ({ page }) => {
    await addVirtualAuthenticator(page);
    const probe = await instrumentPage(page);
    const warm = page.waitForResponse((response) => new URL(response.url()).pathname === '/auth/credentials/init');
    await page.goto('/?embed');
    await warm;
    const name = await startRegistration(page);
    await expect(page.getByRole('status')).toHaveText(`Passkey “${name}” registered.`);

    const events = await probe.events();
    const click = events.findLastIndex((event) => event.type === 'click' && event.detail === 'BUTTON');
    const create = events.findIndex((event) => event.type === 'create');
    expect(click).toBeGreaterThanOrEqual(0);
    expect(create).toBeGreaterThan(click);
    expect(events.slice(click + 1, create).filter((event) => event.type === 'fetch')).toEqual([]);
    // …and the challenge it used was fetched before the click.
    expect(events.slice(0, click).some((event) => event.detail === 'POST /auth/credentials/init')).toBe(true);
  });
});
