// Sign-out (issue 25): PUT /auth/logout ends the token it is sent with, or every token of the user.
import { describe, expect, it } from 'vitest';
import { DEFAULT_ORG_ID } from './config.ts';
import {
  beginSignUp,
  type Call,
  expectDfnsError,
  newRecoveryKey,
  type PasskeyUser,
  passkeyFactor,
  setupBackend,
  signUpWithPasskey,
  TOKEN,
} from './testHelpers.ts';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Whether the token still works: `GET /auth/credentials` with it answers 200, else the 401. */
async function works(call: Call, token: string) {
  const list = await call('GET', '/auth/credentials', undefined, bearer(token));
  if (list.status !== 200) expectDfnsError(list, 401, /^Not Authorized\.$/);
  return list.status === 200;
}

/** A new session of the user: `POST /auth/login/init` then `/auth/login` with their passkey. */
async function logIn(call: Call, user: PasskeyUser) {
  const init = await call('POST', '/auth/login/init', { orgId: DEFAULT_ORG_ID, username: user.username });
  const firstFactor = await passkeyFactor(user.authenticator, init.body.challenge, {
    allowCredentials: init.body.allowCredentials.webauthn,
  });
  const login = await call('POST', '/auth/login', { challengeIdentifier: init.body.challengeIdentifier, firstFactor });
  expect(login.status).toBe(200);
  return login.body.token as string;
}

/** `PUT /auth/logout` as the SDK's `logout()` sends it without a body: no body, no Content-Type. */
async function logoutWithoutBody(backend: ReturnType<typeof setupBackend>['backend'], token: string) {
  const response = await backend.fetch(
    new Request('http://mock.test/auth/logout', { method: 'PUT', headers: bearer(token) }),
  );
  return { status: response.status, body: await response.json() };
}

describe('PUT /auth/logout', () => {
  it('should end the token it is sent with, and only that one', async () => {
    const { call } = setupBackend();
    const user = await signUpWithPasskey(call);
    const other = await logIn(call, user);
    const logout = await call('PUT', '/auth/logout', {}, bearer(user.token));
    expect(logout).toMatchObject({ status: 200, body: { message: 'success' } });
    expect(await works(call, user.token)).toBe(false);
    // Ended for every route, logout itself included.
    expectDfnsError(await call('PUT', '/auth/logout', {}, bearer(user.token)), 401, /^Not Authorized\.$/);
    expect(await works(call, other)).toBe(true);
    expect(await works(call, TOKEN)).toBe(true);
  });

  it('should take no body at all, as the SDK sends it, an empty object, and allSessions false', async () => {
    const { backend, call } = setupBackend();
    const user = await signUpWithPasskey(call);
    const sessions = [await logIn(call, user), await logIn(call, user), await logIn(call, user)];
    expect(await logoutWithoutBody(backend, sessions[0] as string)).toEqual({
      status: 200,
      body: { message: 'success' },
    });
    expect((await call('PUT', '/auth/logout', {}, bearer(sessions[1] as string))).status).toBe(200);
    expect((await call('PUT', '/auth/logout', { allSessions: false }, bearer(sessions[2] as string))).status).toBe(200);
    for (const session of sessions) expect(await works(call, session)).toBe(false);
    expect(await works(call, user.token)).toBe(true);
  });

  it("should end every token of the user with allSessions: true, sign-up and login ones alike, and nobody else's", async () => {
    const { backend, call } = setupBackend();
    const user = await signUpWithPasskey(call);
    const login = await logIn(call, user);
    const organisation = await backend.mintToken('CustomerEmployee', { userId: user.userId });
    const pat = await backend.mintToken('PersonalAccessToken', { userId: user.userId });
    const someoneElse = await signUpWithPasskey(call, 'someone@example.com');

    expect((await call('PUT', '/auth/logout', { allSessions: true }, bearer(login))).status).toBe(200);
    for (const token of [user.token, login, organisation, pat]) expect(await works(call, token)).toBe(false);
    expect(await works(call, someoneElse.token)).toBe(true);
    expect(await works(call, TOKEN)).toBe(true);
    // Logged out, not locked out: a new login works.
    expect(await works(call, await logIn(call, user))).toBe(true);
  });

  it("should end a recovery in progress with allSessions: its token is one of the user's", async () => {
    const mails: string[] = [];
    const { call } = setupBackend({ onVerificationCode: (mail) => mails.push(mail.verificationCode) });
    const signUp = await beginSignUp(call, 'rex@example.com');
    const key = newRecoveryKey(signUp.init.challenge);
    const done = await signUp.complete({ recoveryCredential: key.recoveryCredential });
    const account = { username: 'rex@example.com', orgId: DEFAULT_ORG_ID };
    await call('POST', '/auth/recover/user/code', account);
    const init = await call('POST', '/auth/recover/user/init', {
      ...account,
      verificationCode: mails.at(-1),
      credentialId: key.credentialId,
    });
    expect(init.status).toBe(200);
    const logout = await call('PUT', '/auth/logout', { allSessions: true }, bearer(done.body.authentication.token));
    expect(logout.status).toBe(200);
    expectDfnsError(
      await call('POST', '/auth/recover/user', {}, bearer(init.body.temporaryAuthenticationToken)),
      401,
      /^Not Authorized\.$/,
    );
  });

  it('should let organisation users log out, refuse PATs and service accounts (403) and other tokens (401), ending nothing', async () => {
    const { backend, call } = setupBackend();
    const organisation = await backend.mintToken('CustomerEmployee');
    expect((await call('PUT', '/auth/logout', {}, bearer(organisation))).status).toBe(200);
    expect(await works(call, organisation)).toBe(false);

    for (const kind of ['PersonalAccessToken', 'ServiceAccount'] as const) {
      const token = await backend.mintToken(kind);
      expectDfnsError(
        await call('PUT', '/auth/logout', { allSessions: true }, bearer(token)),
        403,
        new RegExp(`^A ${kind} token is not allowed to call PUT /auth/logout$`),
      );
      expect(await works(call, token)).toBe(true);
    }
    const registration = await call(
      'POST',
      '/auth/registration/init',
      { orgId: DEFAULT_ORG_ID, username: 'new@example.com', registrationCode: 'x' },
      { Authorization: '' },
    );
    const temporary = bearer(registration.body.temporaryAuthenticationToken);
    expectDfnsError(await call('PUT', '/auth/logout', {}, temporary), 401, /^Not Authorized\.$/);
    expectDfnsError(await call('PUT', '/auth/logout', {}, { Authorization: '' }), 401, /^Not Authorized\.$/);
    expectDfnsError(await call('PUT', '/auth/logout', {}, bearer('nope')), 401, /^Not Authorized\.$/);
    expect(await works(call, TOKEN)).toBe(true);
  });

  it('should refuse a malformed body naming the field, ending nothing', async () => {
    const { backend, call } = setupBackend();
    const user = await signUpWithPasskey(call);
    const cases: [unknown, number, RegExp][] = [
      [{ allSessions: 'yes' }, 400, /^allSessions must be a boolean when present, got a string$/],
      [{ allSessions: null }, 400, /^allSessions must be a boolean when present, got null$/],
      [[true], 400, /^Request body must be a JSON object, got an array$/],
      ['{"allSessions":', 400, /^Request body is not valid JSON$/],
    ];
    for (const [body, status, message] of cases) {
      expectDfnsError(await call('PUT', '/auth/logout', body, bearer(user.token)), status, message);
    }
    // A body must say it is JSON; only a request without one may go without a Content-Type.
    const untyped = await backend.fetch(
      new Request('http://mock.test/auth/logout', {
        method: 'PUT',
        headers: { ...bearer(user.token), 'Content-Type': 'text/plain' },
        body: '{"allSessions":true}',
      }),
    );
    expect(untyped.status).toBe(415);
    expect(await works(call, user.token)).toBe(true);
  });

  it('should end the seeded token too, for the rest of the process: a new backend has it again', async () => {
    const { backend } = setupBackend();
    expect(await logoutWithoutBody(backend, TOKEN)).toEqual({ status: 200, body: { message: 'success' } });
    const { call } = setupBackend();
    expect(await works(call, TOKEN)).toBe(true);
    const after = await backend.fetch(new Request('http://mock.test/auth/credentials', { headers: bearer(TOKEN) }));
    expect(after.status).toBe(401);
  });
});
