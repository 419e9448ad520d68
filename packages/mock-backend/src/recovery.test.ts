import { describe, expect, it } from 'vitest';
import { DEFAULT_ORG_ID, type VerificationCodeMail } from './config.ts';
import {
  addRecoveryKey,
  beginSignUp,
  type Call,
  expectDfnsError,
  newPasskey,
  newRecoveryKey,
  ORIGIN,
  passkeyFactor,
  RECOVERY_CHALLENGE_KEYS,
  recoveryAssertion,
  setupBackend,
  signUpWithPasskey,
  RECOVERY_WRAPPED as WRAPPED,
} from './testHelpers.ts';
import { createSoftwareAuthenticator, type SoftwareAuthenticator } from './testing/softwareAuthenticator.ts';
import { createSoftwareKeyCredential } from './testing/softwareKeySigner.ts';

const USERNAME = 'rae@example.com';

/** A backend whose "mails" land in `mails`. */
function setupRecovery(options: Parameters<typeof setupBackend>[0] = {}) {
  const mails: VerificationCodeMail[] = [];
  const setup = setupBackend({ onVerificationCode: (mail) => mails.push(mail), ...options });
  return { ...setup, mails };
}

/** A signed-up user with a passkey and a RecoveryKey (added after sign-up, or `atSignUp`, in the same call). */
async function userWithRecoveryKey(call: Call, username = USERNAME, { atSignUp = false } = {}) {
  if (!atSignUp) {
    const user = await signUpWithPasskey(call, username);
    return { ...user, recoveryKey: await addRecoveryKey(call, user) };
  }
  const signUp = await beginSignUp(call, username);
  const { recoveryCredential, ...recoveryKey } = newRecoveryKey(signUp.init.challenge);
  const done = await signUp.complete({ recoveryCredential, wallets: [] });
  expect(done.status).toBe(200);
  return {
    authenticator: signUp.authenticator,
    username,
    userId: done.body.user.id as string,
    token: done.body.authentication.token as string,
    credentialId: signUp.firstFactorCredential.credentialInfo.credId,
    credentialUuid: done.body.credential.uuid as string,
    recoveryKey,
  };
}

async function sendCode(call: Call, mails: VerificationCodeMail[], username = USERNAME) {
  const sent = await call(
    'POST',
    '/auth/recover/user/code',
    { username, orgId: DEFAULT_ORG_ID },
    { Authorization: '' },
  );
  expect(sent.status).toBe(200);
  expect(sent.body).toEqual({ message: 'success' });
  return mails.at(-1)?.verificationCode ?? '';
}

async function recoveryInit(call: Call, body: Record<string, unknown>) {
  return call('POST', '/auth/recover/user/init', { orgId: DEFAULT_ORG_ID, username: USERNAME, ...body });
}

/** Everything up to a recover body: code, challenge, a new passkey (and optionally a new recovery key). */
async function prepareRecovery(
  call: Call,
  mails: VerificationCodeMail[],
  user: Awaited<ReturnType<typeof userWithRecoveryKey>>,
  { withNewRecoveryKey = false }: { withNewRecoveryKey?: boolean } = {},
) {
  const verificationCode = await sendCode(call, mails, user.username);
  const init = await call('POST', '/auth/recover/user/init', {
    orgId: DEFAULT_ORG_ID,
    username: user.username,
    verificationCode,
    credentialId: user.recoveryKey.credentialId,
  });
  expect(init.status).toBe(200);
  const { authenticator, credentialInfo } = await newPasskey(init.body.challenge, init.body.user.id);
  const newKey = withNewRecoveryKey ? newRecoveryKey(init.body.challenge, 'New recovery key') : undefined;
  const newCredentials = {
    firstFactorCredential: { credentialKind: 'Fido2', credentialInfo, credentialName: 'New passkey' },
    ...(newKey && { recoveryCredential: newKey.recoveryCredential }),
  };
  return {
    init: init.body,
    authenticator,
    newCredentials,
    newRecoveryKey: newKey,
    auth: { Authorization: `Bearer ${init.body.temporaryAuthenticationToken}` },
    body: {
      recovery: recoveryAssertion(user.recoveryKey.privateKey, user.recoveryKey.credentialId, newCredentials),
      newCredentials,
    },
  };
}

async function login(call: Call, authenticator: SoftwareAuthenticator, username = USERNAME, useAllowList = true) {
  const init = await call('POST', '/auth/login/init', { orgId: DEFAULT_ORG_ID, username }, { Authorization: '' });
  if (init.status !== 200) return init;
  const firstFactor = await passkeyFactor(authenticator, init.body.challenge, {
    allowCredentials: useAllowList ? init.body.allowCredentials.webauthn : undefined,
  });
  return call('POST', '/auth/login', { challengeIdentifier: init.body.challengeIdentifier, firstFactor });
}

describe('POST /auth/recover/user/code', () => {
  it('should "mail" a single code, 1234-1234-1234-1234-shaped, valid 15 minutes, to onVerificationCode and /mock/recovery-codes', async () => {
    let time = Date.parse('2026-11-30T12:00:00Z');
    const { call, mails } = setupRecovery({ now: () => time });
    const user = await signUpWithPasskey(call, USERNAME);
    const code = await sendCode(call, mails);
    expect(code).toMatch(/^\d{4}-\d{4}-\d{4}-\d{4}$/);
    expect(mails).toEqual([
      { username: USERNAME, userId: user.userId, verificationCode: code, expiresAt: '2026-11-30T12:15:00.000Z' },
    ]);
    const exposed = await call('GET', `/mock/recovery-codes?username=${encodeURIComponent(USERNAME)}`);
    expect(exposed.status).toBe(200);
    expect(exposed.body).toEqual({ username: USERNAME, verificationCode: code, expiresAt: '2026-11-30T12:15:00.000Z' });
    // Asked again within its first minute: the live code again; a minute on, a new one.
    time += 59_999;
    expect(await sendCode(call, mails)).toBe(code);
    time += 1;
    expect(await sendCode(call, mails)).not.toBe(code);
  });

  it('should not let anyone void a mailed code by asking again: 3 live codes, one a minute, then nothing new', async () => {
    let time = Date.now();
    const { call, mails } = setupRecovery({ now: () => time });
    const user = await userWithRecoveryKey(call);
    const sent = [];
    for (let request = 0; request < 6; request++) {
      sent.push(await sendCode(call, mails));
      time += 30_000;
    }
    expect(new Set(sent).size).toBe(3);
    expect(sent).toEqual([sent[0], sent[0], sent[2], sent[2], sent[4], sent[4]]);
    // Past the limit the answer is the one any username gets, and nothing new is mailed.
    const mailedBefore = mails.length;
    const limited = await call('POST', '/auth/recover/user/code', { username: USERNAME, orgId: DEFAULT_ORG_ID });
    expect(limited).toMatchObject({ status: 200, body: { message: 'success' } });
    expect(mails).toHaveLength(mailedBefore);
    const newest = sent[4];
    const exposed = await call('GET', `/mock/recovery-codes?username=${encodeURIComponent(USERNAME)}`);
    expect(exposed.body.verificationCode).toBe(newest);
    // The first code mailed still starts a recovery.
    const init = await recoveryInit(call, { verificationCode: sent[0], credentialId: user.recoveryKey.credentialId });
    expect(init.status).toBe(200);
  });

  it('should answer the same for an unknown username, and mail nothing', async () => {
    const { call, mails } = setupRecovery();
    const sent = await call('POST', '/auth/recover/user/code', {
      username: 'nobody@example.com',
      orgId: DEFAULT_ORG_ID,
    });
    expect(sent).toMatchObject({ status: 200, body: { message: 'success' } });
    expect(mails).toEqual([]);
    expectDfnsError(
      await call('GET', '/mock/recovery-codes?username=nobody@example.com'),
      404,
      /no live verification code/,
    );
    expectDfnsError(await call('GET', '/mock/recovery-codes'), 400, /username is required/);
  });

  it('should refuse a malformed body or another organisation', async () => {
    const { call } = setupRecovery();
    expectDfnsError(
      await call('POST', '/auth/recover/user/code', { orgId: DEFAULT_ORG_ID }),
      400,
      /username is required/,
    );
    expectDfnsError(
      await call('POST', '/auth/recover/user/code', { username: USERNAME, orgId: 'or-other' }),
      400,
      /orgId or-other is not an organisation of this server/,
    );
  });
});

describe('POST /auth/recover/user/init', () => {
  it('should answer the SDK CreateRecoveryChallengeResponse, with the RecoveryKey as allowedRecoveryCredentials', async () => {
    const { call, mails } = setupRecovery();
    const user = await userWithRecoveryKey(call);
    const verificationCode = await sendCode(call, mails);
    const init = await recoveryInit(call, { verificationCode, credentialId: user.recoveryKey.credentialId });
    expect(init.status).toBe(200);
    expect(Object.keys(init.body).sort()).toEqual(RECOVERY_CHALLENGE_KEYS);
    expect(init.body).toMatchObject({
      user: { id: user.userId, name: USERNAME, displayName: USERNAME },
      rp: { id: 'localhost', name: 'credkit demo' },
      attestation: 'none',
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
      allowedRecoveryCredentials: [{ id: user.recoveryKey.credentialId, encryptedRecoveryKey: WRAPPED }],
    });
    expect(init.body.challenge).toMatch(/^[0-9a-f]{64}$/);
  });

  it('should refuse a wrong, used or expired verification code, an unknown username, and bad credentialIds', async () => {
    let time = Date.now();
    const { call, mails } = setupRecovery({ now: () => time });
    const user = await userWithRecoveryKey(call);
    const credentialId = user.recoveryKey.credentialId;
    const code = await sendCode(call, mails);

    expectDfnsError(
      await recoveryInit(call, { verificationCode: '0000-0000-0000-0000', credentialId }),
      400,
      /verificationCode is not valid/,
    );
    expectDfnsError(
      await recoveryInit(call, { username: 'nobody@example.com', verificationCode: code, credentialId }),
      400,
      /verificationCode is not valid/,
    );
    // Bad credential ids do not cost the code.
    expectDfnsError(
      await recoveryInit(call, { verificationCode: code, credentialId: 'unknown' }),
      400,
      /is not a recovery credential of this user/,
    );
    expectDfnsError(
      await recoveryInit(call, { verificationCode: code, credentialId: user.credentialId }),
      400,
      /is a Fido2 credential, not a RecoveryKey/,
    );
    expect((await recoveryInit(call, { verificationCode: code, credentialId })).status).toBe(200);
    expectDfnsError(await recoveryInit(call, { verificationCode: code, credentialId }), 400, /already used/);

    const late = await sendCode(call, mails);
    time += 15 * 60_000 + 1;
    expectDfnsError(await recoveryInit(call, { verificationCode: late, credentialId }), 400, /has expired/);
    expectDfnsError(await recoveryInit(call, { credentialId }), 400, /verificationCode is required/);
  });

  it("should refuse another user's RecoveryKey, and a deactivated one", async () => {
    const { call, mails } = setupRecovery();
    const user = await userWithRecoveryKey(call);
    const other = await userWithRecoveryKey(call, 'other@example.com');
    const code = await sendCode(call, mails);
    expectDfnsError(
      await recoveryInit(call, { verificationCode: code, credentialId: other.recoveryKey.credentialId }),
      400,
      /is not a recovery credential of this user/,
    );
    const list = await call('GET', '/auth/credentials', undefined, { Authorization: `Bearer ${user.token}` });
    const uuid = list.body.items.find((item: { kind: string }) => item.kind === 'RecoveryKey').credentialUuid;
    const off = await call(
      'PUT',
      '/auth/credentials/deactivate',
      { credentialUuid: uuid },
      { Authorization: `Bearer ${user.token}` },
    );
    expect(off.status).toBe(200);
    expectDfnsError(
      await recoveryInit(call, { verificationCode: code, credentialId: user.recoveryKey.credentialId }),
      400,
      /deactivated RecoveryKey/,
    );
  });
});

describe('POST /auth/recover/user', () => {
  it('should register the new passkey, archive every old credential, and let only the new passkey log in', async () => {
    const { call, mails } = setupRecovery();
    const user = await userWithRecoveryKey(call);
    const recovery = await prepareRecovery(call, mails, user);
    const recovered = await call('POST', '/auth/recover/user', recovery.body, recovery.auth);
    expect(recovered.status).toBe(200);
    expect(recovered.body).toEqual({
      credential: { uuid: expect.stringMatching(/^cr-/), kind: 'Fido2', name: 'New passkey' },
      user: { id: user.userId, username: USERNAME, orgId: DEFAULT_ORG_ID },
    });

    const loggedIn = await login(call, recovery.authenticator);
    expect(loggedIn.status).toBe(200);
    const token = loggedIn.body.token as string;
    const list = await call('GET', '/auth/credentials', undefined, { Authorization: `Bearer ${token}` });
    expect(list.body.items.map((item: { kind: string; name: string }) => `${item.kind} ${item.name}`)).toEqual([
      'Fido2 New passkey',
    ]);

    // The old passkey: gone from allowCredentials, and refused when it signs anyway.
    expectDfnsError(await login(call, user.authenticator, USERNAME, false), 401, /invalidated by an account recovery/);
    // The old session token is ended too.
    expectDfnsError(
      await call('GET', '/auth/credentials', undefined, { Authorization: `Bearer ${user.token}` }),
      401,
      /Not Authorized/,
    );
    // So is the old RecoveryKey: it cannot start another recovery.
    const code = await sendCode(call, mails);
    expectDfnsError(
      await recoveryInit(call, { verificationCode: code, credentialId: user.recoveryKey.credentialId }),
      400,
      /is not a recovery credential of this user/,
    );
  });

  it('should recover with the RecoveryKey registered at sign-up (recoveryCredential of /auth/registration/enduser)', async () => {
    const { call, mails } = setupRecovery();
    const user = await userWithRecoveryKey(call, USERNAME, { atSignUp: true });
    const list = await call('GET', '/auth/credentials', undefined, { Authorization: `Bearer ${user.token}` });
    expect(list.body.items.map((item: { kind: string; name: string }) => `${item.kind} ${item.name}`)).toEqual([
      'Fido2 Passkey',
      'RecoveryKey Recovery key',
    ]);
    const recovery = await prepareRecovery(call, mails, user);
    expect(recovery.init.allowedRecoveryCredentials).toEqual([
      { id: user.recoveryKey.credentialId, encryptedRecoveryKey: WRAPPED },
    ]);
    expect((await call('POST', '/auth/recover/user', recovery.body, recovery.auth)).status).toBe(200);
    expect((await login(call, recovery.authenticator)).status).toBe(200);
    expectDfnsError(await login(call, user.authenticator, USERNAME, false), 401, /invalidated by an account recovery/);
  });

  it('should register a new RecoveryKey with its encryptedPrivateKey, usable for the next recovery', async () => {
    const { call, mails } = setupRecovery();
    const user = await userWithRecoveryKey(call);
    const recovery = await prepareRecovery(call, mails, user, { withNewRecoveryKey: true });
    expect((await call('POST', '/auth/recover/user', recovery.body, recovery.auth)).status).toBe(200);
    const code = await sendCode(call, mails);
    const newKeyId = recovery.newRecoveryKey?.credentialId;
    const init = await recoveryInit(call, { verificationCode: code, credentialId: newKeyId });
    expect(init.status).toBe(200);
    expect(init.body.allowedRecoveryCredentials).toEqual([{ id: newKeyId, encryptedRecoveryKey: WRAPPED }]);
  });

  it('should refuse a new credential id another user has, before archiving anything (WebAuthn §7.1 step 22)', async () => {
    const { call, mails } = setupRecovery();
    const other = await signUpWithPasskey(call, 'other@example.com');
    const user = await userWithRecoveryKey(call);
    const recovery = await prepareRecovery(call, mails, user, { withNewRecoveryKey: true });
    const { recoveryCredential } = recovery.newCredentials;
    if (!recoveryCredential) throw new Error('prepareRecovery made no recovery credential');
    const newCredentials = {
      ...recovery.newCredentials,
      recoveryCredential: {
        ...recoveryCredential,
        credentialInfo: { ...recoveryCredential.credentialInfo, credId: other.credentialId },
      },
    };
    const body = {
      recovery: recoveryAssertion(user.recoveryKey.privateKey, user.recoveryKey.credentialId, newCredentials),
      newCredentials,
    };
    expectDfnsError(
      await call('POST', '/auth/recover/user', body, recovery.auth),
      409,
      /already registered to another user/,
    );
    // Nothing was archived: the old passkey still logs in.
    expect((await login(call, user.authenticator)).status).toBe(200);
  });

  it('should refuse a missing, wrong-kind or spent token', async () => {
    const { call, mails } = setupRecovery();
    const user = await userWithRecoveryKey(call);
    const recovery = await prepareRecovery(call, mails, user);
    expectDfnsError(
      await call('POST', '/auth/recover/user', recovery.body, { Authorization: '' }),
      401,
      /Not Authorized/,
    );
    expectDfnsError(await call('POST', '/auth/recover/user', recovery.body), 401, /Not Authorized/);
    expectDfnsError(
      await call('POST', '/auth/recover/user', recovery.body, { Authorization: `Bearer ${user.token}` }),
      401,
      /Not Authorized/,
    );
    expect((await call('POST', '/auth/recover/user', recovery.body, recovery.auth)).status).toBe(200);
    // Replayed: the token (and its challenge) are spent.
    expectDfnsError(await call('POST', '/auth/recover/user', recovery.body, recovery.auth), 401, /Not Authorized/);
  });

  it('should refuse a recovery token on the registration and credential routes', async () => {
    const { call, mails } = setupRecovery();
    const user = await userWithRecoveryKey(call);
    const recovery = await prepareRecovery(call, mails, user);
    expectDfnsError(
      await call('POST', '/auth/registration', { firstFactorCredential: {} }, recovery.auth),
      401,
      /Not Authorized/,
    );
    expectDfnsError(await call('GET', '/auth/credentials', undefined, recovery.auth), 401, /Not Authorized/);
  });

  it.each([
    ['a signature by another key', 'signature does not verify with the credential key'],
    ['clientData of type key.create', 'type must be "key.get"'],
    ['a challenge that is not the new credentials', 'challenge does not match base64url of the JSON of newCredentials'],
    ['an origin not allowed', 'origin https://evil.example is not allowed'],
    ['another credId', 'is not the RecoveryKey this recovery was started with'],
  ])('should refuse %s, spending the challenge, and change nothing', async (tampering, message) => {
    const { call, mails } = setupRecovery();
    const user = await userWithRecoveryKey(call);
    const recovery = await prepareRecovery(call, mails, user);
    const { privateKey, credentialId } = user.recoveryKey;
    const other = createSoftwareKeyCredential({ challenge: 'x' }).privateKey;
    const tampered = {
      'a signature by another key': () => recoveryAssertion(other, credentialId, recovery.newCredentials),
      'clientData of type key.create': () =>
        recoveryAssertion(privateKey, credentialId, recovery.newCredentials, { type: 'key.create' }),
      'a challenge that is not the new credentials': () =>
        recoveryAssertion(privateKey, credentialId, { firstFactorCredential: {} }),
      'an origin not allowed': () =>
        recoveryAssertion(privateKey, credentialId, recovery.newCredentials, { origin: 'https://evil.example' }),
      'another credId': () => recoveryAssertion(privateKey, user.credentialId, recovery.newCredentials),
    }[tampering];
    const body = { ...recovery.body, recovery: tampered?.() };
    expectDfnsError(
      await call('POST', '/auth/recover/user', body, recovery.auth),
      400,
      new RegExp(escapeRegExp(message)),
    );
    // Nothing changed: the old passkey still logs in.
    expect((await login(call, user.authenticator)).status).toBe(200);
    // The token and its challenge are spent: a corrected retry needs a new /init.
    expectDfnsError(await call('POST', '/auth/recover/user', recovery.body, recovery.auth), 401, /Not Authorized/);
  });

  it('should refuse new credentials swapped after signing, and a new passkey of another challenge', async () => {
    const { call, mails } = setupRecovery();
    const user = await userWithRecoveryKey(call);
    const recovery = await prepareRecovery(call, mails, user);
    const swapped = await createSoftwareAuthenticator().register({
      challenge: recovery.init.challenge,
      rpId: 'localhost',
      origin: ORIGIN,
    });
    const body = {
      ...recovery.body,
      newCredentials: { firstFactorCredential: { credentialKind: 'Fido2', credentialInfo: swapped } },
    };
    expectDfnsError(await call('POST', '/auth/recover/user', body, recovery.auth), 400, /challenge does not match/);

    // Signed correctly, but the passkey answers another challenge.
    const again = await prepareRecovery(call, mails, user);
    const stale = await createSoftwareAuthenticator().register({
      challenge: recovery.init.challenge,
      rpId: 'localhost',
      origin: ORIGIN,
    });
    const newCredentials = { firstFactorCredential: { credentialKind: 'Fido2', credentialInfo: stale } };
    const staleBody = {
      recovery: recoveryAssertion(user.recoveryKey.privateKey, user.recoveryKey.credentialId, newCredentials),
      newCredentials,
    };
    expectDfnsError(
      await call('POST', '/auth/recover/user', staleBody, again.auth),
      400,
      /Fido2 registration failed verification/,
    );
    expect((await login(call, user.authenticator)).status).toBe(200);
  });

  it('should accept newCredentials signed with other key order and spacing', async () => {
    const { call, mails } = setupRecovery();
    const user = await userWithRecoveryKey(call);
    const recovery = await prepareRecovery(call, mails, user);
    const { credentialInfo, credentialName } = recovery.newCredentials.firstFactorCredential;
    const reordered = { firstFactorCredential: { credentialName, credentialInfo, credentialKind: 'Fido2' } };
    const body = {
      recovery: recoveryAssertion(user.recoveryKey.privateKey, user.recoveryKey.credentialId, reordered),
      newCredentials: recovery.newCredentials,
    };
    expect((await call('POST', '/auth/recover/user', body, recovery.auth)).status).toBe(200);
  });

  it('should refuse malformed bodies with a 400 naming the field, without spending the token', async () => {
    const { call, mails } = setupRecovery();
    const user = await userWithRecoveryKey(call);
    const recovery = await prepareRecovery(call, mails, user);
    const { body, auth } = recovery;
    const cases: [unknown, RegExp][] = [
      [{ newCredentials: body.newCredentials }, /recovery is required/],
      [{ ...body, recovery: { ...body.recovery, kind: 'Key' } }, /recovery.kind must be "RecoveryKey"/],
      [
        {
          ...body,
          recovery: {
            kind: 'RecoveryKey',
            credentialAssertion: { ...body.recovery.credentialAssertion, algorithm: 'SHA512' },
          },
        },
        /algorithm must be "SHA256"/,
      ],
      [{ recovery: body.recovery }, /newCredentials is required/],
      [{ ...body, newCredentials: {} }, /newCredentials.firstFactorCredential is required/],
      [
        { ...body, newCredentials: { ...body.newCredentials, secondFactorCredential: { credentialKind: 'Totp' } } },
        /supports no second factor/,
      ],
      [
        { ...body, newCredentials: { ...body.newCredentials, recoveryCredential: { credentialKind: 'Key' } } },
        /recoveryCredential.credentialKind must be "RecoveryKey"/,
      ],
    ];
    for (const [bad, message] of cases) {
      expectDfnsError(await call('POST', '/auth/recover/user', bad, auth), 400, message);
    }
    expect((await call('POST', '/auth/recover/user', body, auth)).status).toBe(200);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
