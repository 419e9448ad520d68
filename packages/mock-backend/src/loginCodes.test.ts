// Login codes (issue 25): a PasswordProtectedKey's encryptedPrivateKey leaves the mock at login only
// with the code POST /auth/login/code "mailed" to its user, so knowing a username is not enough to
// guess the password offline.
import { type KeyObject, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ORG_ID, type LoginCodeMail, type MockBackendOptions } from './config.ts';
import {
  addPasskey,
  type Call,
  expectDfnsError,
  newRecoveryKey,
  ORIGIN,
  recoveryAssertion,
  setupBackend,
  signUpWithPasskey,
} from './testHelpers.ts';
import { createSoftwareKeyCredential } from './testing/softwareKeySigner.ts';

const USERNAME = 'pia@example.com';
/** The PasswordProtectedKey's private key wrapped under the password (opaque to the mock). */
const WRAPPED = Buffer.from('{"v":1,"wrapped":"under the password"}').toString('base64');
const NOBODY = { Authorization: '' };

/** A backend whose login and recovery "mails" land in `mails`. */
function setup(options: MockBackendOptions = {}) {
  const mails: LoginCodeMail[] = [];
  const recoveryMails: string[] = [];
  const backend = setupBackend({
    onLoginCode: (mail) => mails.push(mail),
    onVerificationCode: (mail) => recoveryMails.push(mail.verificationCode),
    ...options,
  });
  return { ...backend, mails, recoveryMails };
}

/** Signs up a user whose first factor is a PasswordProtectedKey, with a RecoveryKey. */
async function signUpWithPasswordProtectedKey(call: Call, username = USERNAME) {
  const init = await call('POST', '/auth/registration/init', {
    orgId: DEFAULT_ORG_ID,
    username,
    registrationCode: 'x',
  });
  expect(init.status).toBe(200);
  const key = createSoftwareKeyCredential({ challenge: init.body.challenge, origin: ORIGIN });
  const recoveryKey = newRecoveryKey(init.body.challenge);
  const done = await call(
    'POST',
    '/auth/registration/enduser',
    {
      firstFactorCredential: {
        credentialKind: 'PasswordProtectedKey',
        credentialInfo: key.credentialInfo,
        encryptedPrivateKey: WRAPPED,
      },
      recoveryCredential: recoveryKey.recoveryCredential,
    },
    { Authorization: `Bearer ${init.body.temporaryAuthenticationToken}` },
  );
  expect(done.status).toBe(200);
  return {
    username,
    userId: done.body.user.id as string,
    token: done.body.authentication.token as string,
    credentialId: key.credentialInfo.credId,
    credentialUuid: done.body.credential.uuid as string,
    privateKey: key.privateKey,
    recoveryKey,
  };
}

async function sendLoginCode(call: Call, username = USERNAME) {
  const sent = await call('POST', '/auth/login/code', { username, orgId: DEFAULT_ORG_ID }, NOBODY);
  expect(sent).toMatchObject({ status: 200, body: { message: 'success' } });
}

async function loginInit(call: Call, body: Record<string, unknown>) {
  return call('POST', '/auth/login/init', { orgId: DEFAULT_ORG_ID, username: USERNAME, ...body }, NOBODY);
}

/** A PasswordProtectedKey's answer to a login challenge: `key.get` clientData, signed (DER). */
function keyFactor(credId: string, privateKey: KeyObject, challenge: string) {
  const clientData = Buffer.from(JSON.stringify({ type: 'key.get', challenge, origin: ORIGIN, crossOrigin: false }));
  return {
    kind: 'PasswordProtectedKey',
    credentialAssertion: {
      credId,
      clientData: clientData.toString('base64url'),
      signature: sign('sha256', clientData, { key: privateKey, dsaEncoding: 'der' }).toString('base64url'),
    },
  };
}

describe('POST /auth/login/code', () => {
  it('should "mail" a code to onLoginCode and /mock/login-codes, valid 15 minutes, and answer success', async () => {
    const time = Date.parse('2026-12-01T08:00:00Z');
    const { call, mails } = setup({ now: () => time });
    const user = await signUpWithPasswordProtectedKey(call);
    await sendLoginCode(call);
    expect(mails).toEqual([
      {
        username: USERNAME,
        userId: user.userId,
        loginCode: expect.stringMatching(/^\d{4}-\d{4}-\d{4}-\d{4}$/),
        expiresAt: '2026-12-01T08:15:00.000Z',
      },
    ]);
    const exposed = await call('GET', `/mock/login-codes?username=${encodeURIComponent(USERNAME)}`, undefined, NOBODY);
    expect(exposed).toMatchObject({
      status: 200,
      body: { username: USERNAME, loginCode: mails[0]?.loginCode, expiresAt: '2026-12-01T08:15:00.000Z' },
    });
  });

  it('should answer the same for an unknown username, mailing nothing, and take loginCodeTtlMs', async () => {
    const time = Date.parse('2026-12-01T08:00:00Z');
    const { call, mails } = setup({ now: () => time, loginCodeTtlMs: 60_000 });
    await sendLoginCode(call, 'nobody@example.com');
    expect(mails).toEqual([]);
    expectDfnsError(await call('GET', '/mock/login-codes?username=nobody@example.com'), 404, /no live login code/);
    expectDfnsError(await call('GET', '/mock/login-codes'), 400, /username is required/);
    await sendLoginCode(call, 'demo@credkit.dev');
    expect(mails[0]?.expiresAt).toBe('2026-12-01T08:01:00.000Z');
  });

  it('should not let a flood of requests void the code the user was mailed', { timeout: 30_000 }, async () => {
    const { call, mails } = setup();
    const user = await signUpWithPasswordProtectedKey(call);
    // Within the first minute, every request mails the live code again: no new one.
    for (let request = 0; request < 500; request++) await sendLoginCode(call);
    expect(new Set(mails.map(({ loginCode }) => loginCode)).size).toBe(1);
    const first = await loginInit(call, { loginCode: mails[0]?.loginCode });
    expect(first.body.allowCredentials.passwordProtectedKey).toEqual([
      { type: 'public-key', id: user.credentialId, encryptedPrivateKey: WRAPPED },
    ]);
  });

  it('should refuse a malformed body or another organisation with a 400 naming the field', async () => {
    const { call } = setup();
    const send = (body: unknown) => call('POST', '/auth/login/code', body, NOBODY);
    expectDfnsError(await send({ orgId: DEFAULT_ORG_ID }), 400, /^username is required/);
    expectDfnsError(await send({ username: USERNAME }), 400, /^orgId is required/);
    expectDfnsError(
      await send({ username: USERNAME, orgId: 'or-other' }),
      400,
      /^orgId or-other is not an organisation/,
    );
    expectDfnsError(await send([]), 400, /^Request body must be a JSON object/);
  });
});

describe('POST /auth/login/init with a PasswordProtectedKey', () => {
  it('should list the key without its encryptedPrivateKey when no loginCode is sent', async () => {
    const { call } = setup();
    const user = await signUpWithPasswordProtectedKey(call);
    const init = await loginInit(call, {});
    expect(init.status).toBe(200);
    expect(init.body.allowCredentials.passwordProtectedKey).toEqual([{ type: 'public-key', id: user.credentialId }]);
  });

  it('should hand out the encryptedPrivateKey with the mailed code, spend the code, and log in with the key', async () => {
    const { call, mails } = setup();
    const user = await signUpWithPasswordProtectedKey(call);
    await sendLoginCode(call);
    const loginCode = mails.at(-1)?.loginCode;
    const init = await loginInit(call, { loginCode });
    expect(init.status).toBe(200);
    expect(init.body.allowCredentials.passwordProtectedKey).toEqual([
      { type: 'public-key', id: user.credentialId, encryptedPrivateKey: WRAPPED },
    ]);
    // Single-use: the same code again is refused, naming it.
    expectDfnsError(await loginInit(call, { loginCode }), 400, /^loginCode was already used/);
    // The key (opened client-side with the password) signs the login.
    const login = await call(
      'POST',
      '/auth/login',
      {
        challengeIdentifier: init.body.challengeIdentifier,
        firstFactor: keyFactor(user.credentialId, user.privateKey, init.body.challenge),
      },
      NOBODY,
    );
    expect(login.status).toBe(200);
    const me = await call('GET', '/auth/users/me', undefined, { Authorization: `Bearer ${login.body.token}` });
    expect(me.body).toMatchObject({ userId: user.userId });
  });

  it("should refuse a wrong, expired or another user's code, and a code without username, naming loginCode", async () => {
    let time = Date.parse('2026-12-01T08:00:00Z');
    const { call, mails } = setup({ now: () => time });
    await signUpWithPasswordProtectedKey(call);
    await signUpWithPasswordProtectedKey(call, 'other@example.com');
    await sendLoginCode(call, 'other@example.com');
    const othersCode = mails.at(-1)?.loginCode;
    expectDfnsError(await loginInit(call, { loginCode: othersCode }), 400, /^loginCode is not valid for this username/);
    expectDfnsError(await loginInit(call, { loginCode: '0000-0000-0000-0000' }), 400, /^loginCode is not valid/);
    expectDfnsError(await loginInit(call, { loginCode: 42 }), 400, /^loginCode is required \(a non-empty string\)/);
    expectDfnsError(
      await loginInit(call, { username: undefined, loginCode: othersCode }),
      400,
      /^loginCode was mailed for a username/,
    );
    // The other user's code is still theirs, unspent by the refusals.
    const theirs = await loginInit(call, { username: 'other@example.com', loginCode: othersCode });
    expect(theirs.body.allowCredentials.passwordProtectedKey[0].encryptedPrivateKey).toBe(WRAPPED);

    await sendLoginCode(call);
    time += 15 * 60_000 + 1;
    expectDfnsError(await loginInit(call, { loginCode: mails.at(-1)?.loginCode }), 400, /^loginCode has expired/);
  });

  it('should not hand out a deactivated key, even with a code', async () => {
    const { call, mails } = setup();
    const user = await signUpWithPasswordProtectedKey(call);
    // A passkey to keep a credential that can sign while the key is off.
    await addPasskey(call, user.token);
    const auth = { Authorization: `Bearer ${user.token}` };
    const off = await call('PUT', '/auth/credentials/deactivate', { credentialUuid: user.credentialUuid }, auth);
    expect(off.status).toBe(200);
    await sendLoginCode(call);
    const login = await loginInit(call, { loginCode: mails.at(-1)?.loginCode });
    expect(login.status).toBe(200);
    expect(login.body.allowCredentials.passwordProtectedKey).toEqual([]);
  });

  it('should leave other kinds as they were: a passkey user logs in with or without a code', async () => {
    const { call, mails } = setup();
    const user = await signUpWithPasskey(call, USERNAME);
    await sendLoginCode(call);
    const withCode = await loginInit(call, { loginCode: mails.at(-1)?.loginCode });
    const without = await loginInit(call, {});
    for (const init of [withCode, without]) {
      expect(init.body.allowCredentials).toEqual({
        webauthn: [{ type: 'public-key', id: user.credentialId }],
        key: [],
        passwordProtectedKey: [],
      });
    }
  });
});

describe('login codes and account recovery', () => {
  it('should void the live login and recovery codes of a user who recovers the account', async () => {
    const clock = { time: Date.now() };
    const { call, mails, recoveryMails } = setup({ now: () => clock.time });
    const user = await signUpWithPasswordProtectedKey(call);
    await sendLoginCode(call);
    const loginCode = mails.at(-1)?.loginCode;

    const sendRecoveryCode = () =>
      call('POST', '/auth/recover/user/code', { username: USERNAME, orgId: DEFAULT_ORG_ID }, NOBODY);
    await sendRecoveryCode();
    // A minute later, asking again mails a second code (the first one still live).
    clock.time += 60_000;
    await sendRecoveryCode();
    const spareRecoveryCode = recoveryMails.at(-2);
    const init = await call(
      'POST',
      '/auth/recover/user/init',
      {
        username: USERNAME,
        orgId: DEFAULT_ORG_ID,
        verificationCode: recoveryMails.at(-1),
        credentialId: user.recoveryKey.credentialId,
      },
      NOBODY,
    );
    expect(init.status).toBe(200);
    const key = createSoftwareKeyCredential({ challenge: init.body.challenge, origin: ORIGIN });
    const newCredentials = {
      firstFactorCredential: {
        credentialKind: 'PasswordProtectedKey',
        credentialInfo: key.credentialInfo,
        encryptedPrivateKey: WRAPPED,
      },
    };
    const recovered = await call(
      'POST',
      '/auth/recover/user',
      {
        recovery: recoveryAssertion(user.recoveryKey.privateKey, user.recoveryKey.credentialId, newCredentials),
        newCredentials,
      },
      { Authorization: `Bearer ${init.body.temporaryAuthenticationToken}` },
    );
    expect(recovered.status).toBe(200);

    expectDfnsError(await loginInit(call, { loginCode }), 400, /^loginCode is not valid for this username/);
    // So is the recovery code mailed with the one used.
    const replay = await call(
      'POST',
      '/auth/recover/user/init',
      {
        username: USERNAME,
        orgId: DEFAULT_ORG_ID,
        verificationCode: spareRecoveryCode,
        credentialId: user.recoveryKey.credentialId,
      },
      NOBODY,
    );
    expectDfnsError(replay, 400, /^verificationCode is not valid for this username/);
    expectDfnsError(await call('GET', `/mock/login-codes?username=${USERNAME}`), 404, /no live login code/);
    // A code mailed after the recovery opens the new key.
    await sendLoginCode(call);
    const after = await loginInit(call, { loginCode: mails.at(-1)?.loginCode });
    expect(after.body.allowCredentials.passwordProtectedKey).toEqual([
      { type: 'public-key', id: key.credentialInfo.credId, encryptedPrivateKey: WRAPPED },
    ]);
  });
});
