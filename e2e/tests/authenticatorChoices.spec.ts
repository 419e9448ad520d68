import { randomUUID } from 'node:crypto';
import { addVirtualAuthenticator, expect, recordApiRequests, test } from './fixtures.ts';
import { instrumentPage } from './instrumentation.ts';

interface CreateRequest {
  mediation?: string;
  hints?: string[];
  attachment?: string;
}

async function createRequests(probe: Awaited<ReturnType<typeof instrumentPage>>): Promise<CreateRequest[]> {
  return (
    (await probe.events())
      .filter((event) => event.type === 'create')
      .map((event) => JSON.parse(event.detail) as CreateRequest)
      // The browser's JSON parser fills in `hints: []` when none were sent.
      .map(({ hints, ...rest }) => (hints?.length ? { ...rest, hints } : rest))
  );
}

test.describe('authenticator choices: hints first, legacy attachment beside them', () => {
  test('should hide "Phone or tablet" where the browser reports no hybrid transport', async ({ page }) => {
    await addVirtualAuthenticator(page);
    await page.goto('/?embed');
    const hybrid = await page.evaluate(async () => {
      const credential = PublicKeyCredential as unknown as {
        getClientCapabilities(): Promise<Record<string, boolean>>;
      };
      return (await credential.getClientCapabilities()).hybridTransport;
    });
    // This Chromium (no Bluetooth, no phone) says so itself.
    expect(hybrid).toBe(false);
    const group = page.getByRole('group', { name: 'Where to keep the passkey' });
    await expect(group.getByRole('radio', { name: 'This device' })).toBeChecked();
    await expect(group.getByRole('radio', { name: 'Security key' })).toBeVisible();
    await expect(group.getByRole('radio')).toHaveCount(2);
    await expect(page.getByRole('radio', { name: 'Phone or tablet' })).toHaveCount(0);
  });

  for (const [choice, hint, attachment, lands] of [
    ['Security key', 'security-key', 'cross-platform', 'usb'],
    ['This device', 'client-device', 'platform', 'internal'],
  ] as const) {
    test(`should put the passkey on the ${lands} authenticator when the person picks "${choice}"`, async ({ page }) => {
      const probe = await instrumentPage(page);
      const platform = await addVirtualAuthenticator(page, { kind: 'platform' });
      const securityKey = await addVirtualAuthenticator(page, { kind: 'security-key' });
      const posts = recordApiRequests(page, '/auth/credentials');
      const name = `${choice} ${randomUUID().slice(0, 8)}`;
      await page.goto('/?embed');

      await page.getByRole('group', { name: 'Where to keep the passkey' }).getByRole('radio', { name: choice }).check();
      await page.getByRole('textbox', { name: 'Credential name' }).fill(name);
      await page.getByRole('button', { name: 'Register passkey' }).click();
      await expect(page.getByRole('status')).toHaveText(`Passkey “${name}” registered.`);

      expect(await createRequests(probe)).toEqual([{ hints: [hint], attachment }]);
      const [onPlatform, onKey] = [await platform.credentials(), await securityKey.credentials()];
      expect(lands === 'usb' ? [onPlatform.length, onKey.length] : [onKey.length, onPlatform.length]).toEqual([0, 1]);
      expect(posts).toHaveLength(1);
    });
  }
});

test.describe('conditional create (automatic passkey upgrade)', () => {
  test('should ask once with mediation "conditional" under StrictMode, and show nothing while it waits', async ({
    page,
    authenticator: _authenticator,
  }) => {
    const probe = await instrumentPage(page);
    const posts = recordApiRequests(page, '/auth/credentials');
    await page.goto('/?embed&upgrade');
    await expect(page.getByTestId('passkey-upgrade')).toHaveAttribute('data-status', 'pending');
    // Give a second create() (StrictMode's double effect, a re-render) time to show up.
    await page.waitForTimeout(500);
    const requests = await createRequests(probe);
    expect(requests).toEqual([{ mediation: 'conditional' }]);
    // No saved password in this browser: the password manager keeps it pending; the person sees nothing.
    await expect(page.getByTestId('passkey-upgrade')).toHaveText('');
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(posts).toHaveLength(0);
    // The ordinary form is untouched and still works beside it.
    await expect(page.getByRole('button', { name: 'Register passkey' })).toBeEnabled();
  });
});
