import { randomUUID } from 'node:crypto';
import type { Page, Request } from '@playwright/test';
import { expect, type MockApi, test } from './fixtures.ts';

/** Every request body the page sent to the mock API, as text. */
function recordApiBodies(page: Page, mockApi: MockApi): string[] {
  const bodies: string[] = [];
  page.on('request', (request: Request) => {
    if ([mockApi.full, mockApi.embed].some((api) => request.url().startsWith(api))) {
      bodies.push(request.postData() ?? '');
    }
  });
  return bodies;
}

function createPosts(page: Page): Request[] {
  const posts: Request[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname.endsWith('/auth/credentials')) {
      posts.push(request);
    }
  });
  return posts;
}

async function pickKind(page: Page, label: string) {
  await page.getByRole('radio', { name: new RegExp(`^${label} \\(`) }).check();
}

async function expectListed(page: Page, name: string, kind: string) {
  const item = page.getByRole('list', { name: 'Credentials' }).getByRole('listitem').filter({ hasText: name });
  await expect(item).toHaveCount(1);
  await expect(item.locator('.kind')).toHaveText(kind);
}

test.describe('every credential kind through the demo', () => {
  test('a Key', async ({ page }) => {
    const posts = createPosts(page);
    await page.goto('/?embed');
    await pickKind(page, 'Key');
    const name = `Key ${randomUUID().slice(0, 8)}`;
    await page.getByRole('textbox', { name: 'Credential name' }).fill(name);
    await page.getByRole('button', { name: 'Create key' }).click();

    await expect(page.getByRole('status')).toHaveText(`Key “${name}” registered.`);
    await expectListed(page, name, 'Key');
    const body = posts[0]?.postDataJSON() as { credentialKind: string; credentialInfo: { clientData: string } };
    expect(body.credentialKind).toBe('Key');
    const clientData = JSON.parse(Buffer.from(body.credentialInfo.clientData, 'base64url').toString());
    const origin = new URL(page.url()).origin;
    expect(clientData).toMatchObject({ type: 'key.create', origin, crossOrigin: false });
  });

  test('a PasswordProtectedKey, whose password never leaves the page', async ({ page, mockApi }) => {
    const bodies = recordApiBodies(page, mockApi);
    const posts = createPosts(page);
    const password = `pw-${randomUUID()}`;
    await page.goto('/?embed');
    await pickKind(page, 'Password-protected key');
    const name = `Backup ${randomUUID().slice(0, 8)}`;
    await page.getByRole('textbox', { name: 'Credential name' }).fill(name);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByLabel('Confirm password').fill(`${password}!`);
    await page.getByRole('button', { name: 'Create password-protected key' }).click();
    await expect(page.getByRole('alert')).toHaveText('The passwords do not match.');
    expect(posts).toHaveLength(0);

    await page.getByLabel('Confirm password').fill(password);
    await page.getByRole('button', { name: 'Create password-protected key' }).click();
    await expect(page.getByRole('status')).toHaveText(`Password-protected key “${name}” registered.`, {
      timeout: 30_000,
    });
    await expectListed(page, name, 'PasswordProtectedKey');
    const sent = (posts[0]?.postDataJSON() ?? {}) as { encryptedPrivateKey?: string };
    expect(sent.encryptedPrivateKey).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(bodies.length).toBeGreaterThan(0);
    for (const body of bodies) expect(body).not.toContain(password);
  });

  test('a RecoveryKey: the code is shown once, and nothing is registered until the person says it is saved', async ({
    page,
    mockApi,
  }) => {
    const bodies = recordApiBodies(page, mockApi);
    const posts = createPosts(page);
    await page.goto('/?embed');
    await pickKind(page, 'Recovery key');
    const name = `Recovery ${randomUUID().slice(0, 8)}`;
    await page.getByRole('textbox', { name: 'Credential name' }).fill(name);
    await page.getByRole('button', { name: 'Create recovery key' }).click();

    const step = page.getByRole('group', { name: 'Save your recovery code' });
    const code = await step.getByLabel('Recovery code', { exact: true }).inputValue();
    expect(code).toMatch(/^D1-([0-9A-HJKMNP-TV-Z]{5}-){5}[0-9A-HJKMNP-TV-Z]{5}$/);
    const finish = step.getByRole('button', { name: 'Finish registration' });
    await expect(finish).toBeDisabled();

    const download = page.waitForEvent('download');
    await step.getByRole('button', { name: 'Download .txt' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^recovery-kit-Recovery-[0-9a-f]{8}\.txt$/);
    const saved = await file.path().then((path) => import('node:fs/promises').then((fs) => fs.readFile(path, 'utf8')));
    expect(saved).toContain(code);

    await page.waitForTimeout(300);
    expect(posts).toHaveLength(0);
    await step.getByRole('checkbox', { name: 'I have saved my recovery code' }).check();
    await finish.click();
    // The key's ID came with its code, before: the success repeats nothing new.
    await expect(page.getByRole('status')).toHaveText(`Recovery key “${name}” registered.`, { timeout: 30_000 });
    await expectListed(page, name, 'RecoveryKey');
    await expect(page.getByRole('group', { name: 'Save your recovery code' })).toHaveCount(0);
    expect(posts).toHaveLength(1);
    for (const body of bodies) {
      expect(body).not.toContain(code);
      expect(body).not.toContain(code.replace(/-/g, ''));
    }
  });
});
