// Dfns's delegated routes, as an app's backend calls them with its service account: what each answers,
// and how its flow completes through the routes end users already have.
import { describe, expect, it } from 'vitest';
import { DEFAULT_ORG_ID } from './config.ts';
import { SERVICE_ACCOUNT_USERNAME } from './state/seedServiceAccount.ts';
import {
  addRecoveryKey,
  asServiceAccount,
  type Call,
  completeRecovery,
  completeSignUp,
  delegatedSignUp,
  expectDfnsError,
  ORIGIN,
  RECOVERY_CHALLENGE_KEYS,
  registrationInit,
  SERVICE_ACCOUNT_AUTH,
  setupBackend,
  setupSignedBackend,
  signedCall,
  signUpWithPasskey,
} from './testHelpers.ts';
import { createSoftwareAuthenticator } from './testing/softwareAuthenticator.ts';
import { createSoftwareKeyCredential } from './testing/softwareKeySigner.ts';

// A backend that requires user actions, as Dfns does: every delegated call below is signed for real.
const setup = setupSignedBackend;

const delegatedRegistration = (call: Call, body: Record<string, unknown>) =>
  asServiceAccount(call, '/auth/registration/delegated', { kind: 'EndUser', ...body });
const delegatedLogin = (call: Call, username: string) => asServiceAccount(call, '/auth/login/delegated', { username });
const delegatedRecovery = (call: Call, username: string, credentialId: string) =>
  asServiceAccount(call, '/auth/recover/user/delegated', { username, credentialId });

/** `GET /auth/users/me` as the user of `token`. */
const me = (call: Call, token: string) =>
  call('GET', '/auth/users/me', undefined, { Authorization: `Bearer ${token}` });

describe('POST /auth/registration/delegated', () => {
  it('should answer the registration challenge of /auth/registration/init, field for field, for the email', async () => {
    const { call } = setup();
    const delegated = await delegatedRegistration(call, { email: 'dee@example.com' });
    expect(delegated.status).toBe(200);
    const signUp = await registrationInit(call, 'sam@example.com');
    expect(Object.keys(delegated.body).sort()).toEqual(Object.keys(signUp.body).sort());
    expect(delegated.body).toMatchObject({
      user: { id: expect.stringMatching(/^us-/), displayName: 'dee@example.com', name: 'dee@example.com' },
      temporaryAuthenticationToken: expect.any(String),
      challenge: expect.stringMatching(/^[0-9a-f]{64}$/),
      supportedCredentialKinds: { firstFactor: ['Fido2', 'Key', 'PasswordProtectedKey'], secondFactor: [] },
      authenticatorSelection: signUp.body.authenticatorSelection,
      pubKeyCredParams: signUp.body.pubKeyCredParams,
      excludeCredentials: [],
      otpUrl: '',
    });
  });

  it('should complete through POST /auth/registration/enduser under its token, the user keeping the externalId', async () => {
    const { call } = setup();
    const user = await delegatedSignUp(call, 'dee@example.com', { externalId: 'app-user-42' });
    const profile = await me(call, user.token);
    expect(profile.body).toEqual({
      userId: user.userId,
      username: 'dee@example.com',
      displayName: 'dee@example.com',
      orgId: DEFAULT_ORG_ID,
      kind: 'EndUser',
      externalId: 'app-user-42',
    });
    // The user signs their own changes with the passkey they registered.
    const code = await signedCall(call, user, 'POST', '/auth/credentials/code', {
      expiration: new Date(Date.now() + 30_000).toISOString(),
    });
    expect(code.status).toBe(200);
  });

  it('should complete through POST /auth/registration too (here with a Key), without signing in', async () => {
    const { call } = setup();
    const challenge = await delegatedRegistration(call, { email: 'reg@example.com' });
    const key = createSoftwareKeyCredential({ challenge: challenge.body.challenge, origin: ORIGIN });
    const done = await call(
      'POST',
      '/auth/registration',
      { firstFactorCredential: { credentialKind: 'Key', credentialInfo: key.credentialInfo, credentialName: 'Key' } },
      { Authorization: `Bearer ${challenge.body.temporaryAuthenticationToken}` },
    );
    expect(done.status).toBe(200);
    expect(done.body).toEqual({
      credential: { uuid: expect.stringMatching(/^cr-/), kind: 'Key', name: 'Key' },
      user: { id: challenge.body.user.id, username: 'reg@example.com', orgId: DEFAULT_ORG_ID },
    });
  });

  it.each([
    [{}, /^email is required \(a non-empty string\), got missing$/],
    [{ email: ' ' }, /^email /],
    [{ email: 'a\u202Eb@example.com' }, /^email /],
    [{ email: 42 }, /^email is required/],
    [{ email: 'kim@example.com', kind: 'CustomerEmployee' }, /^kind must be "EndUser" .*got "CustomerEmployee"$/],
    [{ email: 'kim@example.com', kind: undefined }, /^kind is required/],
    [
      { email: 'kim@example.com', externalId: '' },
      /^externalId is required \(a non-empty string\), got an empty string$/,
    ],
    [{ email: 'kim@example.com', externalId: 7 }, /^externalId is required/],
  ])('should refuse %j with a 400 naming the field', async (body, message) => {
    const { call } = setup();
    expectDfnsError(
      await asServiceAccount(call, '/auth/registration/delegated', { kind: 'EndUser', ...body }),
      400,
      message,
    );
  });

  it("should refuse an email already registered, whatever its case, and the service account's own name (409)", async () => {
    const { call } = setup();
    await signUpWithPasskey(call, 'taken@example.com');
    expectDfnsError(
      await delegatedRegistration(call, { email: 'TAKEN@example.com' }),
      409,
      /^username TAKEN@example\.com is already registered$/,
    );
    expectDfnsError(await delegatedRegistration(call, { email: 'demo@credkit.dev' }), 409, /already registered/);
    expectDfnsError(await delegatedRegistration(call, { email: SERVICE_ACCOUNT_USERNAME }), 409, /already registered/);
  });

  it('should give a user whose registration is pending a fresh challenge and token: the old token completes nothing', async () => {
    const { call } = setup();
    const first = await delegatedRegistration(call, { email: 'again@example.com' });
    const second = await delegatedRegistration(call, { email: 'Again@example.com' });
    expect(second.status).toBe(200);
    expect(second.body.user.id).toBe(first.body.user.id);
    expect(second.body.challenge).not.toBe(first.body.challenge);
    expect(second.body.temporaryAuthenticationToken).not.toBe(first.body.temporaryAuthenticationToken);

    const authenticator = createSoftwareAuthenticator();
    const stale = await call(
      'POST',
      '/auth/registration/enduser',
      {
        firstFactorCredential: {
          credentialKind: 'Fido2',
          credentialInfo: await authenticator.register({
            challenge: first.body.challenge,
            rpId: 'localhost',
            origin: ORIGIN,
          }),
        },
      },
      { Authorization: `Bearer ${first.body.temporaryAuthenticationToken}` },
    );
    expectDfnsError(stale, 401, /^Not Authorized\.$/);
    const user = await completeSignUp(call, second.body, 'Again@example.com', authenticator);
    expect((await me(call, user.token)).body.username).toBe('Again@example.com');
  });

  it('should take no X-DFNS-USERACTION when user-action signing is off', async () => {
    const { call } = setupBackend({ userActionSigning: 'off' });
    const unsigned = await call(
      'POST',
      '/auth/registration/delegated',
      { email: 'off@example.com', kind: 'EndUser' },
      SERVICE_ACCOUNT_AUTH,
    );
    expect(unsigned.status).toBe(200);
  });
});

describe('POST /auth/login/delegated', () => {
  it("should answer { token }: the end user's 24-hour token, with no credential of theirs", async () => {
    let time = Date.parse('2026-12-01T09:00:00Z');
    const { call } = setup({ now: () => time });
    const user = await delegatedSignUp(call, 'lou@example.com');
    const login = await delegatedLogin(call, 'LOU@example.com');
    expect(login.status).toBe(200);
    expect(Object.keys(login.body)).toEqual(['token']);
    const { token } = login.body;
    expect((await me(call, token)).body).toMatchObject({ userId: user.userId, kind: 'EndUser' });
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    expect(claims['https://custom/app_metadata']).toEqual({
      orgId: DEFAULT_ORG_ID,
      userId: user.userId,
      tokenKind: 'EndUser',
    });
    time += 24 * 60 * 60_000 - 1;
    expect((await me(call, token)).status).toBe(200);
    time += 2;
    expectDfnsError(await me(call, token), 401, /^Not Authorized\.$/);
  });

  it('should log in users who signed up themselves, and the seeded demo user', async () => {
    const { call } = setup();
    await signUpWithPasskey(call, 'self@example.com');
    expect((await delegatedLogin(call, 'self@example.com')).status).toBe(200);
    expect((await delegatedLogin(call, 'demo@credkit.dev')).status).toBe(200);
  });

  it("should answer 404 User not found for an unknown name and the service account's own, saying when a registration is pending", async () => {
    const { call } = setup();
    expectDfnsError(await delegatedLogin(call, 'nobody@example.com'), 404, /^User not found$/);
    expectDfnsError(await delegatedLogin(call, SERVICE_ACCOUNT_USERNAME), 404, /^User not found$/);
    await delegatedRegistration(call, { email: 'half@example.com' });
    expectDfnsError(
      await delegatedLogin(call, 'half@example.com'),
      404,
      /^User not found: the registration of half@example\.com is not completed/,
    );
  });

  it('should refuse a body without username with a 400 naming it', async () => {
    const { call } = setup();
    expectDfnsError(await asServiceAccount(call, '/auth/login/delegated', { user: 'x' }), 400, /^username is required/);
  });
});

describe('POST /auth/recover/user/delegated', () => {
  /** A delegated user with a RecoveryKey, in a backend that requires user actions. */
  async function userWithRecoveryKey(call: Call, email = 'rex@example.com') {
    const user = await delegatedSignUp(call, email);
    return { ...user, recoveryKey: await addRecoveryKey(call, user, { signed: true }) };
  }

  it('should answer the recovery challenge of /auth/recover/user/init with no verification code, and complete with /auth/recover/user', async () => {
    const { call } = setup();
    const user = await userWithRecoveryKey(call);
    const challenge = await delegatedRecovery(call, user.username, user.recoveryKey.credentialId);
    expect(challenge.status).toBe(200);
    expect(Object.keys(challenge.body).sort()).toEqual(RECOVERY_CHALLENGE_KEYS);
    expect(challenge.body).toMatchObject({
      user: { id: user.userId, name: user.username, displayName: user.username },
      excludeCredentials: [{ type: 'public-key', id: user.credentialId }],
      allowedRecoveryCredentials: [{ id: user.recoveryKey.credentialId, encryptedRecoveryKey: expect.any(String) }],
    });
    const recovered = await completeRecovery(call, user.recoveryKey, challenge.body);
    expect(recovered.status).toBe(200);
    expect(recovered.body.user).toEqual({ id: user.userId, username: user.username, orgId: DEFAULT_ORG_ID });
  });

  it('should void the tokens delegated login minted, as any account recovery voids the old tokens', async () => {
    const { call } = setup();
    const user = await userWithRecoveryKey(call);
    const { token } = (await delegatedLogin(call, user.username)).body;
    expect((await me(call, token)).status).toBe(200);
    const challenge = await delegatedRecovery(call, user.username, user.recoveryKey.credentialId);
    expect((await completeRecovery(call, user.recoveryKey, challenge.body)).status).toBe(200);
    expectDfnsError(await me(call, token), 401, /^Not Authorized\.$/);
    expectDfnsError(await me(call, user.token), 401, /^Not Authorized\.$/);
    // A new delegated login works: the user is still there, with new credentials.
    const again = await delegatedLogin(call, user.username);
    expect((await me(call, again.body.token)).body.userId).toBe(user.userId);
  });

  it('should refuse an unknown user (404), and credentials that cannot recover: not theirs, not a RecoveryKey (400)', async () => {
    const { call } = setup();
    const user = await userWithRecoveryKey(call);
    const other = await userWithRecoveryKey(call, 'other@example.com');
    expectDfnsError(
      await delegatedRecovery(call, 'nobody@example.com', user.recoveryKey.credentialId),
      404,
      /^User not found$/,
    );
    expectDfnsError(
      await delegatedRecovery(call, SERVICE_ACCOUNT_USERNAME, user.recoveryKey.credentialId),
      404,
      /^User not found$/,
    );
    expectDfnsError(
      await delegatedRecovery(call, user.username, other.recoveryKey.credentialId),
      400,
      /is not a recovery credential of this user$/,
    );
    expectDfnsError(
      await delegatedRecovery(call, user.username, user.credentialId),
      400,
      /is a Fido2 credential, not a RecoveryKey$/,
    );
    expectDfnsError(
      await asServiceAccount(call, '/auth/recover/user/delegated', { username: user.username }),
      400,
      /^credentialId is required/,
    );
  });
});
