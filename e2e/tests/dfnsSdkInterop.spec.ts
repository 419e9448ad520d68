import { randomUUID } from 'node:crypto';
import { base64ToBase64url, expect, test } from './fixtures.ts';

interface InteropWindow {
  dfnsSdkInterop: {
    signUp(username: string): Promise<{ credentialId: string; username: string; list: unknown }>;
  };
}

test.describe('the published Dfns browser SDK against the mock', () => {
  test.skip(
    ({ mockApi }) => mockApi.inPage,
    '/interop.html is dev-only: @dfns/sdk resolves its paths against the origin (new URL("/auth/…", baseUrl)), so it cannot reach the static build\'s mock under <base>mock-api/full.',
  );

  test('@dfns/sdk-browser WebAuthnSigner registers a Fido2 credential (user sign-up), verified by the mock', async ({
    page,
    authenticator,
  }) => {
    await page.goto('/interop.html');
    await page.waitForFunction(() => 'dfnsSdkInterop' in window);
    const username = `sdk-${randomUUID().slice(0, 8)}@example.com`;
    const result = await page.evaluate(
      (name) => (window as unknown as InteropWindow).dfnsSdkInterop.signUp(name),
      username,
    );

    expect(result.username).toBe(username);
    const held = await authenticator.credentials();
    expect(held).toHaveLength(1);
    expect(result.credentialId).toBe(base64ToBase64url(held[0]?.credentialId ?? ''));
    expect((result.list as { items: { kind: string; name: string }[] }).items).toEqual([
      expect.objectContaining({ kind: 'Fido2', name: 'Dfns SDK passkey', credentialId: result.credentialId }),
    ]);
  });
});
