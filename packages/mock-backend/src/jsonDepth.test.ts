import { sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ORG_ID, type VerificationCodeMail } from './config.ts';
import {
  addRecoveryKey,
  beginSignUp,
  type Call,
  expectDfnsError,
  newPasskey,
  ORIGIN,
  setupBackend,
  signUpWithPasskey,
  userActionChallenge,
} from './testHelpers.ts';
import { MAX_JSON_DEPTH, nestsTooDeep } from './wire/parseJson.ts';

/** JSON text nested `depth` levels: arrays inside one another. */
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const DEEP = nested(5_000);
const TOO_DEEP = new RegExp(`is JSON nested too deep: at most ${MAX_JSON_DEPTH} levels`);
const b64 = (text: string) => Buffer.from(text).toString('base64url');

/** The mock still answers: a sign-in of `user` by token. */
async function expectStillUp(call: Call, token: string) {
  const me = await call('GET', '/auth/users/me', undefined, { Authorization: `Bearer ${token}` });
  expect(me.status).toBe(200);
}

describe('nestsTooDeep', () => {
  it(`should count objects and arrays, up to ${MAX_JSON_DEPTH} levels, skipping brackets in strings`, () => {
    expect(nestsTooDeep(nested(MAX_JSON_DEPTH))).toBe(false);
    expect(nestsTooDeep(nested(MAX_JSON_DEPTH + 1))).toBe(true);
    expect(nestsTooDeep(`${'{"a":'.repeat(MAX_JSON_DEPTH + 1)}1${'}'.repeat(MAX_JSON_DEPTH + 1)}`)).toBe(true);
    expect(nestsTooDeep(JSON.stringify({ a: '['.repeat(1_000), b: '\\"[[[' }))).toBe(false);
    expect(nestsTooDeep(`["\\"${'['.repeat(1_000)}"]`)).toBe(false);
    expect(nestsTooDeep(DEEP)).toBe(true);
  });
});

describe('client JSON nested 5,000 deep', () => {
  it('should be a 400 that names the limit as a request body, on any route', async () => {
    const { call } = setupBackend();
    const user = await signUpWithPasskey(call);
    const auth = { Authorization: `Bearer ${user.token}` };
    for (const path of ['/auth/login/init', '/auth/action/init', '/auth/action', '/auth/credentials']) {
      expectDfnsError(await call('POST', path, DEEP, auth), 400, /^Request body is JSON nested too deep/);
      expectDfnsError(await call('POST', path, `{"a":${DEEP}}`, auth), 400, TOO_DEEP);
    }
    // As deep as allowed is parsed: refused for what it says, not for its depth.
    const deepest = `{"a":${nested(MAX_JSON_DEPTH - 1)}}`;
    const answer = await call('POST', '/auth/login/init', deepest, { Authorization: '' });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).not.toMatch(/nested too deep/);
    await expectStillUp(call, user.token);
  });

  it('should be a 400, not a 500, as a signed recovery challenge', async () => {
    const mails: VerificationCodeMail[] = [];
    const { call } = setupBackend({ onVerificationCode: (mail) => mails.push(mail) });
    const user = await signUpWithPasskey(call, 'rae@example.com');
    const recoveryKey = await addRecoveryKey(call, user);
    const sent = await call(
      'POST',
      '/auth/recover/user/code',
      { username: user.username, orgId: DEFAULT_ORG_ID },
      { Authorization: '' },
    );
    expect(sent.status).toBe(200);
    const init = await call('POST', '/auth/recover/user/init', {
      orgId: DEFAULT_ORG_ID,
      username: user.username,
      verificationCode: mails.at(-1)?.verificationCode,
      credentialId: recoveryKey.credentialId,
    });
    expect(init.status).toBe(200);
    const { credentialInfo } = await newPasskey(init.body.challenge, init.body.user.id);
    const newCredentials = {
      firstFactorCredential: { credentialKind: 'Fido2', credentialInfo, credentialName: 'New' },
    };
    // The recovery key signs, for real, a challenge nested 5,000 deep.
    const clientData = Buffer.from(
      JSON.stringify({ type: 'key.get', challenge: b64(DEEP), origin: ORIGIN, crossOrigin: false }),
    );
    const signature = sign('sha256', clientData, { key: recoveryKey.privateKey, dsaEncoding: 'der' });
    const recovery = {
      kind: 'RecoveryKey',
      credentialAssertion: {
        credId: recoveryKey.credentialId,
        clientData: clientData.toString('base64url'),
        signature: signature.toString('base64url'),
        algorithm: 'SHA256',
      },
    };
    const auth = { Authorization: `Bearer ${init.body.temporaryAuthenticationToken}` };
    expectDfnsError(
      await call('POST', '/auth/recover/user', { recovery, newCredentials }, auth),
      400,
      /^recovery\.credentialAssertion\.clientData challenge is JSON nested too deep/,
    );
    // The clientData itself nested too deep.
    const deepClientData = Buffer.from(`{"type":"key.get","x":${DEEP}}`);
    const deepRecovery = {
      ...recovery,
      credentialAssertion: {
        ...recovery.credentialAssertion,
        clientData: deepClientData.toString('base64url'),
        signature: sign('sha256', deepClientData, { key: recoveryKey.privateKey, dsaEncoding: 'der' }).toString(
          'base64url',
        ),
      },
    };
    const again = await call('POST', '/auth/recover/user', { recovery: deepRecovery, newCredentials }, auth);
    expect(again.status).toBeLessThan(500);
    await expectStillUp(call, user.token);
  });

  it('should be a 400 as the clientData of a user action (/auth/action)', async () => {
    const { call } = setupBackend();
    const user = await signUpWithPasskey(call);
    const challenge = await userActionChallenge(call, user.token);
    const firstFactor = {
      kind: 'Fido2',
      credentialAssertion: {
        credId: user.credentialId,
        clientData: b64(`{"type":"webauthn.get","x":${DEEP}}`),
        authenticatorData: b64('x'.repeat(37)),
        signature: b64('signature'),
      },
    };
    expectDfnsError(
      await call(
        'POST',
        '/auth/action',
        { challengeIdentifier: challenge.challengeIdentifier, firstFactor },
        { Authorization: `Bearer ${user.token}` },
      ),
      400,
      /^firstFactor\.clientData is JSON nested too deep/,
    );
    await expectStillUp(call, user.token);
  });

  it('should be a 400 as the clientDataJSON of a new passkey', async () => {
    const { call } = setupBackend();
    const signUp = await beginSignUp(call);
    const credentialInfo = { ...signUp.firstFactorCredential.credentialInfo, clientData: b64(`[${DEEP}]`) };
    const done = await call(
      'POST',
      '/auth/registration/enduser',
      { firstFactorCredential: { ...signUp.firstFactorCredential, credentialInfo }, wallets: [] },
      { Authorization: `Bearer ${signUp.init.temporaryAuthenticationToken}` },
    );
    expectDfnsError(done, 400, /^credentialInfo\.clientData is JSON nested too deep/);
    expect((await signUpWithPasskey(call, 'sam@example.com')).token).toEqual(expect.any(String));
  });
});
