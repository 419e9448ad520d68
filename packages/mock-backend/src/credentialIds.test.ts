import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ORG_ID } from './config.ts';
import { type Call, expectDfnsError, ORIGIN, setupBackend, signUpWithPasskey } from './testHelpers.ts';
import { createSoftwareKeyCredential } from './testing/softwareKeySigner.ts';

/** A `POST /auth/credentials` body for a Key credential whose id is `credId`, as the user of `token`. */
async function keyBody(call: Call, token: string, credId: string) {
  const challenge = await call('POST', '/auth/credentials/init', { kind: 'Key' }, { Authorization: `Bearer ${token}` });
  expect(challenge.status).toBe(200);
  const { credentialInfo } = createSoftwareKeyCredential({ challenge: challenge.body.challenge, origin: ORIGIN });
  return {
    credentialKind: 'Key',
    credentialName: 'Key',
    challengeIdentifier: challenge.body.challengeIdentifier,
    credentialInfo: { ...credentialInfo, credId },
  };
}

describe('credential ids in the mock backend', () => {
  it("should refuse another user's credential id with a 409 (WebAuthn §7.1 step 22)", async () => {
    const { call } = setupBackend();
    const first = await signUpWithPasskey(call, 'first@example.com');
    const second = await signUpWithPasskey(call, 'second@example.com');
    const auth = { Authorization: `Bearer ${second.token}` };
    expectDfnsError(
      await call('POST', '/auth/credentials', await keyBody(call, second.token, first.credentialId), auth),
      409,
      /already registered to another user/,
    );
    expect((await call('GET', '/auth/credentials', undefined, auth)).body.items).toHaveLength(1);
  });

  it("should refuse a sign-up whose first factor has another user's credential id, leaving the username free", async () => {
    const { call } = setupBackend();
    const first = await signUpWithPasskey(call, 'first@example.com');
    const signUp = async () => {
      const init = await call(
        'POST',
        '/auth/registration/init',
        { orgId: DEFAULT_ORG_ID, username: 'second@example.com', registrationCode: 'any' },
        { Authorization: '' },
      );
      expect(init.status).toBe(200);
      const { credentialInfo } = createSoftwareKeyCredential({ challenge: init.body.challenge, origin: ORIGIN });
      return { init, credentialInfo };
    };
    const taken = await signUp();
    expectDfnsError(
      await call(
        'POST',
        '/auth/registration/enduser',
        {
          firstFactorCredential: {
            credentialKind: 'Key',
            credentialInfo: { ...taken.credentialInfo, credId: first.credentialId },
          },
        },
        { Authorization: `Bearer ${taken.init.body.temporaryAuthenticationToken}` },
      ),
      409,
      /already registered to another user/,
    );
    const again = await signUp();
    const done = await call(
      'POST',
      '/auth/registration/enduser',
      { firstFactorCredential: { credentialKind: 'Key', credentialInfo: again.credentialInfo } },
      { Authorization: `Bearer ${again.init.body.temporaryAuthenticationToken}` },
    );
    expect(done.status).toBe(200);
  });

  it('should store a credential id of 1023 bytes and refuse one of 1024, naming the field', async () => {
    const { call } = setupBackend();
    const longest = randomBytes(1023).toString('base64url');
    expect((await call('POST', '/auth/credentials', await keyBody(call, 'test-token', longest))).status).toBe(200);
    const tooLong = randomBytes(1024).toString('base64url');
    expectDfnsError(
      await call('POST', '/auth/credentials', await keyBody(call, 'test-token', tooLong)),
      400,
      /^credentialInfo\.credId is too long \(1366 characters, at most 1364: 1023 bytes\)$/,
    );
  });

  it('should refuse a 50,000-character credential id', async () => {
    const { call } = setupBackend();
    expectDfnsError(
      await call('POST', '/auth/credentials', await keyBody(call, 'test-token', 'A'.repeat(50_000))),
      400,
      /credentialInfo\.credId is too long/,
    );
  });
});
