// The wire panel: what the last operation sent and received, step by step, with secrets redacted.
import { randomUUID } from 'node:crypto';
import { expect, recordApiRequests, test } from './fixtures.ts';

test.describe('the wire panel', () => {
  test('shows the user-action round of a new passkey, step by step, and no token or code', async ({
    page,
    authenticator: _authenticator,
  }) => {
    const posts = recordApiRequests(page, '/auth/credentials');
    const signUps = recordApiRequests(page, '/auth/registration/enduser');
    await page.goto('/');
    const panel = page.getByRole('complementary', { name: 'On the wire' });
    await expect(panel).toContainText('Nothing sent yet');

    const username = `wire-${randomUUID().slice(0, 8)}@example.com`;
    await page.getByLabel('Username').fill(username);
    await page.getByRole('button', { name: 'Sign up with a passkey' }).click();
    await expect(page.getByTestId('signed-in-user')).toContainText(username);
    await expect(panel.getByRole('list', { name: 'Steps of Sign up' }).getByRole('listitem')).toHaveText([
      /^POST \/auth\/registration\/init 200/,
      /^POST \/auth\/registration\/enduser 200/,
    ]);

    // A Key credential: made in the page, confirmed with the passkey (the user action).
    await page.getByRole('radio', { name: /^Key \(/ }).check();
    await page.getByRole('textbox', { name: 'Credential name' }).fill('Server key');
    await page.getByRole('button', { name: 'Create key' }).click();
    await expect(page.getByRole('status')).toContainText('Server key');

    // The operation that finished (the kit then fetches the next challenge ahead: a new one, under way).
    const added = panel.locator('.wire-operation[data-state="done"]').filter({ hasText: 'Add a credential' });
    const steps = added.getByRole('list', { name: 'Steps of Add a credential' }).getByRole('listitem');
    await expect(steps).toHaveText([
      /^POST \/auth\/credentials\/init 200/,
      /^POST \/auth\/action\/init 200/,
      /^POST \/auth\/action 200/,
      /^POST \/auth\/credentials 200/,
    ]);
    await expect(steps.nth(0)).toContainText('Challenge');
    await expect(steps.nth(1)).toContainText('SignsPOST /auth/credentials');
    await expect(steps.nth(2)).toContainText('sent next as X-DFNS-USERACTION');
    await expect(steps.nth(3)).toContainText('X-DFNS-USERACTION[redacted]');
    await expect(steps.nth(3)).toContainText('Credential postedKey');
    // The raw request, opened: the bearer token's scheme, not the token.
    await steps.nth(3).getByText('Request', { exact: true }).click();
    await expect(steps.nth(3).locator('pre').first()).toContainText('authorization: Bearer [redacted]');

    // What the page really sent is nowhere in the panel.
    const post = posts.find((request) => request.method() === 'POST');
    const secrets = [
      (await post?.headerValue('authorization'))?.replace(/^Bearer /, ''),
      await post?.headerValue('x-dfns-useraction'),
      (await signUps[0]?.headerValue('authorization'))?.replace(/^Bearer /, ''),
    ];
    expect(secrets.every((secret) => typeof secret === 'string' && secret.length > 8)).toBe(true);
    for (const details of await panel.locator('details').all())
      await details.evaluate((element) => element.setAttribute('open', ''));
    const shown = (await panel.textContent()) ?? '';
    for (const secret of secrets) expect(shown).not.toContain(secret);
  });
});
