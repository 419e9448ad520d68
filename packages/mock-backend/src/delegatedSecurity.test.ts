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
  delegatedSignUp,
  expectDfnsError,
  passkeyFactor,
  registrationInit,
  SERVICE_ACCOUNT_AUTH,
  serviceAccountSigner,
  setupSignedBackend,
  signedCall,
  signUpWithPasskey,
  userAction,
} from './testHelpers.ts';
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
  it('should hold delegated registrations under maxPendingRegistrations with sign-ups: a flood gets a 429', async () => {
    const { call } = setup({ maxPendingRegistrations: 3 });
    const signUp = await registrationInit(call, 'self@example.com');
    expect(signUp.status).toBe(200);
    const statuses: number[] = [];
    for (let index = 0; index < 6; index++) {
      const begun = await asServiceAccount(call, '/auth/registration/delegated', {
        email: `flood-${index}@example.com`,
        kind: 'EndUser',
      });
      statuses.push(begun.status);
      if (begun.status === 429) expect(begun.body.error.message).toMatch(/^Too many registrations in progress \(3\)/);
    }
    expect(statuses).toEqual([200, 200, 429, 429, 429, 429]);
    // Asked again, a pending one is replaced in its place: no new place needed.
    const again = await asServiceAccount(call, '/auth/registration/delegated', {
      email: 'flood-0@example.com',
      kind: 'EndUser',
    });
    expect(again.status).toBe(200);
    const signUpRefused = await registrationInit(call, 'late@example.com');
    expect(signUpRefused.status).toBe(429);
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
