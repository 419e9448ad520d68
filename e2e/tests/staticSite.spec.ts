import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, recordApiRequests, test } from './fixtures.ts';

const DIST = fileURLToPath(new URL('../../apps/demo/dist/', import.meta.url));
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** The static build served as plain files under `prefix`, as on a host that puts it in a sub-folder. */
async function serveUnder(prefix: string): Promise<{ url: string; server: Server }> {
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://host').pathname;
    const file = path.startsWith(prefix) ? `${DIST}${path.slice(prefix.length) || 'index.html'}` : undefined;
    if (!file || file.includes('..') || !(await stat(file).catch(() => undefined))?.isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://localhost:${port}${prefix}`, server };
}

test.describe('the static build', () => {
  test.skip(({ mockApi }) => !mockApi.inPage, 'About the static build only.');

  test('should work under any path of a plain static server', async ({ page, authenticator }) => {
    const { url, server } = await serveUnder('/some/nested/path/');
    try {
      const posts = recordApiRequests(page, '/auth/credentials');
      await page.goto(`${url}?embed`);
      await page.getByRole('textbox', { name: 'Credential name' }).fill('Under a path');
      await page.getByRole('button', { name: 'Register passkey' }).click();
      await expect(page.getByRole('status')).toHaveText('Passkey “Under a path” registered.');
      expect(posts.map((post) => new URL(post.url()).pathname)).toEqual([
        '/some/nested/path/mock-api/embed/auth/credentials',
      ]);
      expect(await authenticator.credentials()).toHaveLength(1);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test('should take control again after a hard reload, which bypasses the Service Worker', async ({ page }) => {
    await page.goto('/?embed');
    await expect(page.getByTestId('signed-in-user')).toContainText('Demo User');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.reload', { ignoreCache: true });
    await expect(page.getByTestId('signed-in-user')).toContainText('Demo User');
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  });
});

test.describe('the static build without Service Workers', () => {
  test.skip(({ mockApi }) => !mockApi.inPage, 'About the static build only.');
  test.use({ serviceWorkers: 'block' });

  test('should say why it cannot start, and render nothing that fetches', async ({ page }) => {
    await page.goto('/?embed');
    await expect(page.getByTestId('mock-api-unavailable')).toContainText('The demo cannot start here');
    await expect(page.getByRole('button', { name: 'Register passkey' })).toHaveCount(0);
  });
});
