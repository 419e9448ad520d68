import { randomUUID } from 'node:crypto';
import { addPasskeyOnSecurityKey, interceptFetch } from '@credkit/mock-backend/playwright';
import type { Page } from '@playwright/test';
import { recover, registerOnSecurityKey } from './demoSteps.ts';
import { addVirtualAuthenticator, base64ToBase64url, expect, recordApiRequests, test } from './fixtures.ts';

async function signUp(page: Page) {
  const username = `user-${randomUUID().slice(0, 8)}@example.com`;
  await page.goto('/');
  await page.getByLabel('Username').fill(username);
  await page.getByRole('button', { name: 'Sign up with a passkey' }).click();
  await expect(page.getByTestId('signed-in-user')).toContainText(username);
  return username;
}

const listItems = (page: Page) => page.getByRole('list', { name: 'Credentials' }).getByRole('listitem');

test.describe('the whole Dfns flow, with user-action signing required', () => {
  test('sign up with a passkey, add a second one confirmed with the first, see both', async ({
    page,
    authenticator,
    mockApi,
  }) => {
    const actionInits = recordApiRequests(page, '/auth/action/init');
    const posts = recordApiRequests(page, '/auth/credentials');
    await signUp(page);
    await expect(listItems(page)).toHaveCount(1);
    await expect(listItems(page).first()).toContainText('First passkey');
    const first = (await authenticator.credentials())[0];
    expect(first).toBeDefined();

    // The second passkey goes on a security key (the laptop's authenticator holds an excluded credential
    // and waits for a touch that does not come). Once it is made, the person unplugs the key and
    // confirms the change with the laptop's passkey: the first one.
    // The kit's recipe (addPasskeyOnSecurityKey) does the unplugging and the touches.
    const second = await addPasskeyOnSecurityKey(page, {
      signWith: authenticator,
      whenSigning: () => expect(page.getByRole('status')).toHaveText('Confirm with an existing passkey…'),
      register: () => registerOnSecurityKey(page, 'Second passkey'),
    });
    await expect(listItems(page)).toHaveCount(2);
    await expect(listItems(page).filter({ hasText: 'Second passkey' })).toHaveAttribute(
      'data-credential-id',
      second.credentialId,
    );
    expect(actionInits).toHaveLength(1);
    expect(posts).toHaveLength(1);
    expect(await posts[0]?.headerValue('x-dfns-useraction')).toMatch(/^ua-/);
    const held = (await authenticator.credentials())[0];
    expect(held?.signCount).toBeGreaterThan(first?.signCount ?? 0);
    await expect(listItems(page).filter({ hasText: 'First passkey' })).toHaveAttribute(
      'data-credential-id',
      base64ToBase64url(first?.credentialId ?? ''),
    );

    await page.reload();
    if (mockApi.inPage) {
      // The static build's mock lives in the page: a reload starts it afresh, and the demo signs out.
      await expect(page.getByRole('button', { name: 'Sign up with a passkey' })).toBeVisible();
    } else {
      // Still signed in: the token lives for the browser session, and the Node mock still knows it.
      await expect(page.getByTestId('signed-in-user')).toBeVisible();
      await expect(listItems(page)).toHaveCount(2);
    }
  });

  test('a user-action token is refused with 403 for another body, and when replayed', async ({
    page,
    authenticator,
    mockApi,
  }) => {
    await signUp(page);
    expect(await authenticator.credentials()).toHaveLength(1);
    await page.getByRole('radio', { name: /^Key \(/ }).check();

    // In flight, someone changes the signed body: the token no longer matches its bytes.
    let tampered = false;
    await interceptFetch(page, '/auth/credentials', ({ method, body }) => {
      if (method !== 'POST' || tampered) return { continue: true };
      tampered = true;
      return {
        continue: true,
        body: JSON.stringify({ ...JSON.parse(body ?? '{}'), credentialName: 'Renamed in flight' }),
      };
    });
    await page.getByRole('textbox', { name: 'Credential name' }).fill('Server key');
    await page.getByRole('button', { name: 'Create key' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toHaveAttribute('data-code', 'forbidden');
    // The server's words, marked as the server's (issue 17: a server cannot speak as the app).
    await expect(alert).toHaveText(
      'The server refused the request (HTTP 403). The server said: “user action signature is missing or invalid”',
    );
    await expect(listItems(page)).toHaveCount(1);

    // Again, untouched: accepted. Then the same request, token and all, replayed: refused.
    const posts = recordApiRequests(page, '/auth/credentials');
    await page.getByRole('button', { name: 'Create key' }).click();
    await expect(page.getByRole('status')).toHaveText('Key “Server key” registered.');
    await expect(listItems(page)).toHaveCount(2);
    const sent = posts[0];
    if (!sent) throw new Error('the registration was not posted');
    // Sent from the page, where both builds' mocks answer (the static build's has no port of its own).
    const headers = await sent.allHeaders();
    const replay = await page.evaluate(
      async ({ url, headers, body }) => {
        const response = await fetch(url, { method: 'POST', headers, body });
        return { status: response.status, body: (await response.json()) as unknown };
      },
      {
        url: `${mockApi.full}/auth/credentials`,
        headers: {
          Authorization: headers.authorization ?? '',
          'Content-Type': headers['content-type'] ?? '',
          'X-DFNS-USERACTION': headers['x-dfns-useraction'] ?? '',
        },
        body: sent.postData() ?? '',
      },
    );
    expect(replay).toEqual({
      status: 403,
      body: { error: { message: 'user action signature is missing or invalid' } },
    });
  });
});

test.describe('sign-up with a recovery key', () => {
  test('the code is shown and saved before anything is sent; the key made with the passkey recovers the account', async ({
    page,
    authenticator,
    mockApi,
  }) => {
    const inits = recordApiRequests(page, '/auth/registration/init');
    const username = `user-${randomUUID().slice(0, 8)}@example.com`;
    await page.goto('/');
    await page.getByLabel('Username').fill(username);
    await page.getByRole('checkbox', { name: /^Also make a recovery key/ }).check();
    await page.getByRole('button', { name: 'Sign up with a passkey' }).click();

    const step = page.getByRole('group', { name: 'Save your recovery code' });
    const recoveryCode = await step.getByLabel('Recovery code', { exact: true }).inputValue();
    expect(recoveryCode).toMatch(/^D1(-[0-9A-Z]{5}){6}$/);
    await expect(step.getByRole('button', { name: 'Create my account' })).toBeDisabled();
    // Nothing is sent, and no passkey made, until the person says they saved the code.
    expect(inits).toHaveLength(0);
    expect(await authenticator.credentials()).toHaveLength(0);
    await step.getByRole('checkbox', { name: 'I have saved my recovery code' }).check();
    await step.getByRole('button', { name: 'Create my account' }).click();

    // The key's ID with its code (recovery asks for both), until the person saved them.
    const saved = page.getByRole('group', { name: 'Your recovery key' });
    await expect(saved).toBeVisible({ timeout: 30_000 });
    await expect(saved.getByLabel('Recovery key ID')).toBeFocused();
    await expect(saved.getByLabel('Recovery code')).toHaveValue(recoveryCode);
    const credentialId = await saved.getByLabel('Recovery key ID').inputValue();
    await expect(page.getByTestId('signed-in-user')).toHaveCount(0);
    await saved.getByRole('button', { name: 'I have saved them' }).click();
    await expect(page.getByTestId('signed-in-user')).toContainText(username);
    expect(inits).toHaveLength(1);
    await expect(listItems(page)).toHaveCount(2);
    await expect(listItems(page).filter({ hasText: 'Recovery key' })).toHaveAttribute(
      'data-credential-id',
      credentialId,
    );

    // The laptop is lost, its passkey with it: a new authenticator, and the recovery key brings the account back.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await authenticator.cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId: authenticator.id });
    const newLaptop = await addVirtualAuthenticator(page);
    await recover(page, mockApi.full, { username, credentialId, recoveryCode, passkeyName: 'New laptop' });
    expect(await newLaptop.credentials()).toHaveLength(1);
    await expect(listItems(page).filter({ hasText: 'New laptop' })).toHaveCount(1);
  });
});
