import { randomUUID } from 'node:crypto';
import { test as base, base64ToBase64url, expect } from '../../tests/fixtures.ts';

/** Where the example app's mock answers: a project option (playwright.config.ts). */
export interface PublishedOptions {
  mockUrl: string;
}

const test = base.extend<PublishedOptions>({ mockUrl: ['http://localhost:8787', { option: true }] });

interface ListedCredential {
  kind: string;
  credentialId: string;
  name: string;
  relyingPartyId: string;
  origin: string;
}

test.describe('the example app, built from the packed packages', () => {
  test('should register a passkey that the mock then lists', async ({ page, authenticator, request, mockUrl }) => {
    const name = `Laptop ${randomUUID().slice(0, 8)}`;
    await page.goto('/');

    await page.getByRole('textbox', { name: 'Credential name' }).fill(name);
    await page.getByRole('button', { name: 'Register passkey' }).click();
    await expect(page.getByRole('status')).toHaveText(`Passkey “${name}” registered.`);

    const held = await authenticator.credentials();
    expect(held).toHaveLength(1);
    const response = await request.get(`${mockUrl}/auth/credentials`, {
      headers: { Authorization: 'Bearer demo-token' },
      timeout: 10_000,
    });
    expect(response.status()).toBe(200);
    const { items } = (await response.json()) as { items: ListedCredential[] };
    expect(items).toEqual([
      expect.objectContaining({
        kind: 'Fido2',
        name,
        credentialId: base64ToBase64url(held[0]?.credentialId ?? ''),
        relyingPartyId: 'localhost',
        origin: new URL(page.url()).origin,
      }),
    ]);
  });
});
