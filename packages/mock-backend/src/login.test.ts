import { sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ORG_ID } from './config.ts';
import {
  addPasskey,
  type Call,
  expectDfnsError,
  ORIGIN,
  type PasskeySigning,
  type PasskeyUser,
  passkeyFactor,
  passkeyUserAction,
  setupBackend,
  signedCall,
  signUpWithPasskey,
  userActionChallenge,
} from './testHelpers.ts';
import { createSoftwareKeyCredential } from './testing/softwareKeySigner.ts';

/** `POST /auth/login/init` as no one in particular (no Authorization header). */
async function loginInit(call: Call, body: Record<string, unknown>) {
  return call('POST', '/auth/login/init', { orgId: DEFAULT_ORG_ID, ...body }, { Authorization: '' });
}

/** init → the authenticator signs → `POST /auth/login`: the login's answer. */
async function loginWithPasskey(
  call: Call,
  user: Pick<PasskeyUser, 'authenticator'> & { username?: string },
  sign: Omit<PasskeySigning, 'allowCredentials'> = {},
) {
  const init = await loginInit(call, user.username === undefined ? {} : { username: user.username });
  expect(init.status).toBe(200);
  const firstFactor = await passkeyFactor(user.authenticator, init.body.challenge, {
    ...sign,
    allowCredentials: init.body.allowCredentials.webauthn,
  });
  return call(
    'POST',
    '/auth/login',
    { challengeIdentifier: init.body.challengeIdentifier, firstFactor },
    { Authorization: '' },
  );
}

async function me(call: Call, token: string) {
  return (await call('GET', '/auth/users/me', undefined, { Authorization: `Bearer ${token}` })).body;
}

describe('POST /auth/login/init and POST /auth/login', () => {
  it('should log a user in with their passkey and a username, with a token the other routes accept', async () => {
    const { call } = setupBackend({ userActionSigning: 'required' });
    const user = await signUpWithPasskey(call);
    const init = await loginInit(call, { username: user.username });
    expect(init.body).toMatchObject({
      challengeIdentifier: expect.any(String),
      userVerification: 'required',
      allowCredentials: {
        webauthn: [{ type: 'public-key', id: user.credentialId }],
        key: [],
        passwordProtectedKey: [],
      },
      supportedCredentialKinds: expect.arrayContaining([
        { kind: 'Fido2', factor: 'first', requiresSecondFactor: false },
      ]),
    });

    const login = await loginWithPasskey(call, user);
    expect(login.status).toBe(200);
    expect(Object.keys(login.body)).toEqual(['token']);
    expect(await me(call, login.body.token)).toMatchObject({ userId: user.userId, username: user.username });
    // A change-inducing call with the new token, signed with the same passkey.
    const signedIn = { ...user, token: login.body.token };
    const signed = await signedCall(call, signedIn, 'PUT', '/auth/credentials/activate', {
      credentialUuid: user.credentialUuid,
    });
    expect(signed.status).toBe(200);
  });

  it('should log a user in without username, from the discoverable passkey they pick', async () => {
    const { call } = setupBackend();
    await signUpWithPasskey(call, 'someone@example.com');
    const user = await signUpWithPasskey(call, 'ada@example.com');
    const init = await loginInit(call, {});
    expect(init.body.allowCredentials).toEqual({ webauthn: [], key: [], passwordProtectedKey: [] });
    const login = await loginWithPasskey(call, { authenticator: user.authenticator });
    expect(login.status).toBe(200);
    expect(await me(call, login.body.token)).toMatchObject({ username: 'ada@example.com' });
  });

  it('should log a user in with a Key credential', async () => {
    const { call } = setupBackend();
    const reg = await call('POST', '/auth/registration/init', {
      orgId: DEFAULT_ORG_ID,
      username: 'key@example.com',
      registrationCode: '1',
    });
    const key = createSoftwareKeyCredential({ challenge: reg.body.challenge, origin: ORIGIN });
    await call(
      'POST',
      '/auth/registration',
      { firstFactorCredential: { credentialKind: 'Key', credentialInfo: key.credentialInfo } },
      { Authorization: `Bearer ${reg.body.temporaryAuthenticationToken}` },
    );
    const init = await loginInit(call, { username: 'key@example.com' });
    expect(init.body.allowCredentials.key).toEqual([{ type: 'public-key', id: key.credentialInfo.credId }]);
    const clientData = Buffer.from(JSON.stringify({ type: 'key.get', challenge: init.body.challenge }));
    const login = await call('POST', '/auth/login', {
      challengeIdentifier: init.body.challengeIdentifier,
      firstFactor: {
        kind: 'Key',
        credentialAssertion: {
          credId: key.credentialInfo.credId,
          clientData: clientData.toString('base64url'),
          signature: sign('sha256', clientData, { key: key.privateKey, dsaEncoding: 'der' }).toString('base64url'),
        },
      },
    });
    expect(login.status).toBe(200);
    expect(await me(call, login.body.token)).toMatchObject({ username: 'key@example.com' });
  });

  it("should free a client's login place once a login succeeds", async () => {
    const { call } = setupBackend({ maxPendingLoginsPerClient: 1, clientOf: () => 'one client' });
    const user = await signUpWithPasskey(call);
    expect((await loginWithPasskey(call, user)).status).toBe(200);
    // The one place is free again: the next login begins, and holds it.
    expect((await loginWithPasskey(call, user)).status).toBe(200);
    expect((await loginInit(call, { username: user.username })).status).toBe(200);
    expectDfnsError(
      await loginInit(call, { username: user.username }),
      429,
      /^Too many logins in progress from this client \(maxPendingLoginsPerClient, 1\)/,
    );
  });

  describe('refusals', () => {
    it('should answer Dfns\'s 401 "User not found" for an unknown username, and 400 for another org', async () => {
      const { call } = setupBackend();
      expectDfnsError(await loginInit(call, { username: 'nobody@example.com' }), 401, /^User not found$/);
      expectDfnsError(await loginInit(call, { orgId: 'or-other' }), 400, /orgId or-other/);
      expectDfnsError(await loginInit(call, { username: 42 }), 400, /username is required/);
    });

    it('should refuse a deactivated passkey, and offer none; activated again, it logs in', async () => {
      const { call } = setupBackend();
      const user = await signUpWithPasskey(call);
      const { authenticator: spare } = await addPasskey(call, user.token);
      const setActive = (isActive: boolean) =>
        call(
          'PUT',
          `/auth/credentials/${isActive ? 'activate' : 'deactivate'}`,
          { credentialUuid: user.credentialUuid },
          { Authorization: `Bearer ${user.token}` },
        );
      expect((await setActive(false)).status).toBe(200);

      const offered = await loginInit(call, { username: user.username });
      expect(offered.body.allowCredentials.webauthn.map(({ id }: { id: string }) => id)).not.toContain(
        user.credentialId,
      );
      expectDfnsError(await loginWithPasskey(call, { authenticator: user.authenticator }), 401, /is deactivated/);
      expect((await loginWithPasskey(call, { ...user, authenticator: spare })).status).toBe(200);

      expect((await setActive(true)).status).toBe(200);
      expect((await loginWithPasskey(call, user)).status).toBe(200);
    });

    it("should refuse another user's passkey for a username, and a userHandle naming someone else", async () => {
      const { call } = setupBackend();
      const ada = await signUpWithPasskey(call, 'ada@example.com');
      const eve = await signUpWithPasskey(call, 'eve@example.com');
      const init = await loginInit(call, { username: ada.username });
      const { credentialAssertion } = await passkeyFactor(eve.authenticator, init.body.challenge);
      const login = (assertion: object) =>
        call('POST', '/auth/login', {
          challengeIdentifier: init.body.challengeIdentifier,
          firstFactor: { kind: 'Fido2', credentialAssertion: assertion },
        });
      expectDfnsError(await login(credentialAssertion), 401, /does not name the user/);
      const withoutHandle = { ...credentialAssertion, userHandle: undefined };
      const again = await loginInit(call, { username: ada.username });
      expectDfnsError(
        await call('POST', '/auth/login', {
          challengeIdentifier: again.body.challengeIdentifier,
          firstFactor: { kind: 'Fido2', credentialAssertion: withoutHandle },
        }),
        401,
        /not registered to the user logging in/,
      );
    });

    it('should refuse a replayed or expired challenge, and a challenge of another kind', async () => {
      let now = Date.parse('2026-11-24T12:00:00Z');
      const { call } = setupBackend({ now: () => now, challengeTtlMs: 1000 });
      const user = await signUpWithPasskey(call);
      const init = await loginInit(call, { username: user.username });
      const body = {
        challengeIdentifier: init.body.challengeIdentifier,
        firstFactor: await passkeyFactor(user.authenticator, init.body.challenge),
      };
      expect((await call('POST', '/auth/login', body)).status).toBe(200);
      expectDfnsError(await call('POST', '/auth/login', body), 400, /already used/);

      const late = await loginInit(call, { username: user.username });
      now += 1001;
      expectDfnsError(
        await call('POST', '/auth/login', { ...body, challengeIdentifier: late.body.challengeIdentifier }),
        400,
        /has expired/,
      );

      const action = await userActionChallenge(call, user.token);
      expectDfnsError(
        await call('POST', '/auth/login', { ...body, challengeIdentifier: action.challengeIdentifier }),
        400,
        /not a login challenge/,
      );
    });

    it('should refuse a counter that does not grow, and an origin it does not allow', async () => {
      const { call } = setupBackend();
      const user = await signUpWithPasskey(call);
      expect((await loginWithPasskey(call, user, { counter: 5 })).status).toBe(200);
      expectDfnsError(await loginWithPasskey(call, user, { counter: 5 }), 400, /counter value 5 was lower/);
      expectDfnsError(
        await loginWithPasskey(call, user, { origin: 'https://evil.example' }),
        400,
        /origin https:\/\/evil\.example is not allowed/,
      );
      // A login challenge cannot sign a user action either.
      const init = await loginInit(call, { username: user.username });
      expectDfnsError(
        await call(
          'POST',
          '/auth/action',
          {
            challengeIdentifier: init.body.challengeIdentifier,
            firstFactor: await passkeyFactor(user.authenticator, init.body.challenge),
          },
          { Authorization: `Bearer ${user.token}` },
        ),
        400,
        /not a user-action challenge/,
      );
    });

    it('should take only a passkey when no username was given', async () => {
      const { call } = setupBackend();
      const init = await loginInit(call, {});
      expectDfnsError(
        await call('POST', '/auth/login', {
          challengeIdentifier: init.body.challengeIdentifier,
          firstFactor: { kind: 'Key', credentialAssertion: { credId: 'AAAA', clientData: 'AAAA', signature: 'AAAA' } },
        }),
        400,
        /must be Fido2/,
      );
    });
  });
});

describe('passkey user actions and logins together', () => {
  it('should keep one counter per passkey across user actions and logins', async () => {
    const { call } = setupBackend();
    const user = await signUpWithPasskey(call);
    const request = { method: 'POST', path: '/auth/credentials', body: '{}' };
    expect((await passkeyUserAction(call, user, request, { counter: 3 })).status).toBe(200);
    expectDfnsError(await loginWithPasskey(call, user, { counter: 3 }), 400, /counter/);
  });
});
