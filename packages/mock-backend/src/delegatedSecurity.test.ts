// The questions an attacker asks of the delegated routes: who may call them, what a call leaves
// behind, and whether what they hand out outlives what should end it.
import { describe, expect, it } from 'vitest';
import { USER_ACTION_REFUSED } from './auth.ts';
import type { MockRefusal } from './mockRefusal.ts';
import { SERVICE_ACCOUNT_USERNAME } from './state/seedServiceAccount.ts';
import {
  addRecoveryKey,
  asServiceAccount,
  type Call,
  completeRecovery,
  completeSignUp,
  delegatedSignUp,
  expectDfnsError,
  passkeyFactor,
  type RegistrationChallenge,
  registrationInit,
  SERVICE_ACCOUNT_AUTH,
  serviceAccountSigner,
  setupSignedBackend,
  signedCall,
  signUpFor,
  signUpWithPasskey,
  userAction,
} from './testHelpers.ts';
import { createSoftwareAuthenticator } from './testing/softwareAuthenticator.ts';
import { TESTING_SERVICE_ACCOUNT } from './testing/testingServiceAccount.ts';

const setup = setupSignedBackend;

/** Each delegated route with a body it would take. */
const ROUTES = [
  ['/auth/registration/delegated', { email: 'eve@example.com', kind: 'EndUser' }],
  ['/auth/login/delegated', { username: 'demo@credkit.dev' }],
  ['/auth/recover/user/delegated', { username: 'demo@credkit.dev', credentialId: 'AAAA' }],
] as const;

/** A user action of the service account for exactly this request. */
async function serviceAccountAction(call: Call, path: string, body: string) {
  const action = await userAction(
    call,
    TESTING_SERVICE_ACCOUNT.token,
    { method: 'POST', path, body },
    serviceAccountSigner(),
  );
  expect(action.status).toBe(200);
  return action.body.userAction as string;
}

describe.each(ROUTES)('who may call POST %s', (path, body) => {
  const text = JSON.stringify(body);

  it('should answer 401 without a token, with an unknown one, and with a registration or recovery token', async () => {
    const { call } = setup();
    const signUp = await registrationInit(call, 'temp@example.com');
    const user = await signUpWithPasskey(call, 'rec@example.com');
    const recoveryKey = await addRecoveryKey(call, user, { signed: true });
    const recovery = await asServiceAccount(call, '/auth/recover/user/delegated', {
      username: user.username,
      credentialId: recoveryKey.credentialId,
    });
    for (const Authorization of [
      '',
      'Bearer not-a-token',
      `Bearer ${signUp.body.temporaryAuthenticationToken}`,
      `Bearer ${recovery.body.temporaryAuthenticationToken}`,
    ]) {
      expectDfnsError(await call('POST', path, text, { Authorization }), 401, /^Not Authorized\.$/);
    }
  });

  it("should answer 403 to a user's token, even one that signed its user action, and to a service-account-kind token of a user", async () => {
    const { backend, call } = setup();
    const user = await signUpWithPasskey(call, 'mallory@example.com');
    const signedByUser = await signedCall(call, user, 'POST', path, body);
    expectDfnsError(signedByUser, 403, /^Only a service account can call POST .*: this token is of kind EndUser$/);
    const minted = await backend.mintToken('ServiceAccount', { userId: user.userId });
    expectDfnsError(
      await call('POST', path, text, { Authorization: `Bearer ${minted}` }),
      403,
      /: this token is not the service account's$/,
    );
  });

  it('should answer 403 to the service account without its user action, or with one for another body, path, or spent', async () => {
    const { call } = setup();
    const send = (userActionToken?: string) =>
      call('POST', path, text, {
        ...SERVICE_ACCOUNT_AUTH,
        ...(userActionToken !== undefined && { 'X-DFNS-USERACTION': userActionToken }),
      });
    expectDfnsError(await send(), 403, new RegExp(`^${USER_ACTION_REFUSED}$`));
    expectDfnsError(
      await send(await serviceAccountAction(call, path, `${text} `)),
      403,
      /signature is missing or invalid/,
    );
    const otherPath = ROUTES.find(([other]) => other !== path)?.[0] ?? '';
    expectDfnsError(
      await send(await serviceAccountAction(call, otherPath, text)),
      403,
      /signature is missing or invalid/,
    );
    expectDfnsError(
      await send(await serviceAccountAction(call, `${path}?x=1`, text)),
      403,
      /signature is missing or invalid/,
    );
    const once = await serviceAccountAction(call, path, text);
    expect((await send(once)).status).not.toBe(403);
    expectDfnsError(await send(once), 403, /signature is missing or invalid/);
  });

  it("should refuse a user action an end user signed, presented with the service account's token", async () => {
    const { call } = setup();
    const user = await signUpWithPasskey(call, 'ua@example.com');
    const action = await userAction(call, user.token, { method: 'POST', path, body: text }, (challenge) =>
      passkeyFactor(user.authenticator, challenge.challenge, { allowCredentials: challenge.allowCredentials.webauthn }),
    );
    expect(action.status).toBe(200);
    const sent = await call('POST', path, text, {
      ...SERVICE_ACCOUNT_AUTH,
      'X-DFNS-USERACTION': action.body.userAction,
    });
    expectDfnsError(sent, 403, /signature is missing or invalid/);
  });

  it("should tell onRefusal (the CLI's log) which token the route takes", async () => {
    const refusals: MockRefusal[] = [];
    const { call } = setup({ onRefusal: (refusal) => refusals.push(refusal) });
    await call('POST', path, text, { Authorization: '' });
    await call('POST', path, text);
    expect(refusals).toEqual([
      { method: 'POST', path, reason: 'token', problem: 'missing', expected: 'serviceAccount' },
      { method: 'POST', path, reason: 'token', problem: 'wrongKind', expected: 'serviceAccount' },
    ]);
  });
});

describe('what the delegated routes leave behind', () => {
  it('should count delegated registrations under maxPendingRegistrations with sign-ups, the oldest giving way', async () => {
    const { call } = setup({ maxPendingRegistrations: 3 });
    const signUp = await registrationInit(call, 'self@example.com');
    expect(signUp.status).toBe(200);
    const begun: RegistrationChallenge[] = [];
    for (let index = 0; index < 6; index++) {
      const answer = await asServiceAccount(call, '/auth/registration/delegated', {
        email: `flood-${index}@example.com`,
        kind: 'EndUser',
      });
      expect(answer.status).toBe(200);
      begun.push(answer.body);
    }
    // The sign-up was the oldest: it gave way, and its temporary token completes nothing.
    const gaveWay = await signUpFor(call, signUp.body, createSoftwareAuthenticator());
    expect((await gaveWay.complete()).status).toBe(401);
    // Asked again, a pending one is replaced in its place: nothing else gives way.
    const again = await asServiceAccount(call, '/auth/registration/delegated', {
      email: 'flood-3@example.com',
      kind: 'EndUser',
    });
    expect(again.status).toBe(200);
    await completeSignUp(call, begun[4] as RegistrationChallenge, 'flood-4@example.com', createSoftwareAuthenticator());
    await completeSignUp(call, begun[5] as RegistrationChallenge, 'flood-5@example.com', createSoftwareAuthenticator());
    await completeSignUp(call, again.body, 'flood-3@example.com', createSoftwareAuthenticator());
  });

  it('should free a place once a delegated registration completes', async () => {
    const { call } = setup({ maxPendingRegistrations: 1 });
    await delegatedSignUp(call, 'one@example.com');
    await delegatedSignUp(call, 'two@example.com');
  });

  it("should refuse a delegated registration of a taken name or the service account's, leaving nothing pending", async () => {
    const { call } = setup({ maxPendingRegistrations: 1 });
    for (const email of ['demo@credkit.dev', SERVICE_ACCOUNT_USERNAME]) {
      expectDfnsError(
        await asServiceAccount(call, '/auth/registration/delegated', { email, kind: 'EndUser' }),
        409,
        /already registered/,
      );
    }
    expect(
      (await asServiceAccount(call, '/auth/registration/delegated', { email: 'ok@example.com', kind: 'EndUser' }))
        .status,
    ).toBe(200);
  });
});

describe('what ends what the delegated routes hand out', () => {
  /** A delegated user with a RecoveryKey, and how the service account starts a recovery with it. */
  async function userWithRecoveryKey(call: Call, email: string) {
    const user = await delegatedSignUp(call, email);
    const recoveryKey = await addRecoveryKey(call, user, { signed: true });
    const startRecovery = () =>
      asServiceAccount(call, '/auth/recover/user/delegated', {
        username: email,
        credentialId: recoveryKey.credentialId,
      });
    return { user, recoveryKey, startRecovery };
  }

  it('should refuse a deactivated recovery key to start a delegated recovery, until it is active again', async () => {
    const { call } = setup();
    const { user, recoveryKey, startRecovery } = await userWithRecoveryKey(call, 'kay@example.com');
    const body = { credentialUuid: recoveryKey.credentialUuid };
    expect((await signedCall(call, user, 'PUT', '/auth/credentials/deactivate', body)).status).toBe(200);
    expectDfnsError(await startRecovery(), 400, /is a deactivated RecoveryKey$/);
    expect((await signedCall(call, user, 'PUT', '/auth/credentials/activate', body)).status).toBe(200);
    expect((await startRecovery()).status).toBe(200);
  });

  it('should void the other pending recovery token, and the recovery key an account recovery archived', async () => {
    const { call } = setup();
    const { recoveryKey, startRecovery } = await userWithRecoveryKey(call, 'ray@example.com');
    const first = await startRecovery();
    const second = await startRecovery();
    expect([first.status, second.status]).toEqual([200, 200]);
    expect((await completeRecovery(call, recoveryKey, second.body)).status).toBe(200);
    const late = await call(
      'POST',
      '/auth/recover/user',
      { recovery: {}, newCredentials: {} },
      { Authorization: `Bearer ${first.body.temporaryAuthenticationToken}` },
    );
    expectDfnsError(late, 401, /^Not Authorized\.$/);
    expectDfnsError(await startRecovery(), 400, /is not a recovery credential of this user$/);
  });
});
