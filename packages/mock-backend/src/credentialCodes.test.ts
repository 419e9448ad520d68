import { describe, expect, it } from 'vitest';
import { USER_ACTION_REFUSED } from './auth.ts';
import {
  type Call,
  CREATE_CREDENTIAL_RESPONSE_KEYS,
  expectDfnsError,
  ORIGIN,
  type PasskeyUser,
  setupBackend,
  signedCall,
  signUpWithPasskey,
} from './testHelpers.ts';
import { createSoftwareAuthenticator } from './testing/softwareAuthenticator.ts';
import { createSoftwareKeyCredential } from './testing/softwareKeySigner.ts';

const START = Date.parse('2026-11-24T12:00:00Z');
const NO_AUTH = { Authorization: '' };

/** A backend with user-action signing required and a clock the test moves. */
function setup() {
  const clock = { now: START };
  return { clock, ...setupBackend({ userActionSigning: 'required', now: () => clock.now }) };
}

/** `POST /auth/credentials/code`, signed by the user's passkey. */
async function createCode(call: Call, user: PasskeyUser, expiration: unknown = new Date(START + 60_000).toISOString()) {
  return signedCall(call, user, 'POST', '/auth/credentials/code', { expiration });
}

/** code → challenge → a new passkey on a fresh authenticator: the body for /code/verify. */
async function passkeyWithCode(call: Call, code: string, origin = ORIGIN) {
  const init = await call('POST', '/auth/credentials/code/init', { code, credentialKind: 'Fido2' }, NO_AUTH);
  expect(init.status).toBe(200);
  const authenticator = createSoftwareAuthenticator();
  const credentialInfo = await authenticator.register({
    challenge: init.body.challenge,
    rpId: 'localhost',
    origin,
    userId: init.body.user.id,
  });
  return {
    init: init.body,
    authenticator,
    body: {
      credentialKind: 'Fido2',
      credentialName: 'Phone',
      challengeIdentifier: init.body.challengeIdentifier,
      credentialInfo,
    },
  };
}

async function credentialNames(call: Call, token: string) {
  const list = await call('GET', '/auth/credentials', undefined, { Authorization: `Bearer ${token}` });
  return list.body.items.map((item: { name: string }) => item.name);
}

describe('creating a credential with a one-time code', () => {
  it("should add a passkey for the code's user from a device with no credential and no token", async () => {
    const { call } = setup();
    const user = await signUpWithPasskey(call);
    const stranger = await signUpWithPasskey(call, 'stranger@example.com');

    const created = await createCode(call, user);
    expect(created.status).toBe(200);
    expect(created.body).toEqual({
      code: expect.stringMatching(/^[A-Z0-9]{3}-[A-Z0-9]{3}-[A-Z0-9]{3}$/),
      expiration: '2026-11-24T12:01:00.000Z',
    });

    const { init, body, authenticator } = await passkeyWithCode(call, created.body.code);
    expect(init).toMatchObject({
      kind: 'Fido2',
      user: { id: user.userId, name: user.username },
      excludeCredentials: [{ type: 'public-key', id: user.credentialId }],
      authenticatorSelection: { userVerification: 'required' },
    });
    // Whatever token comes along, the credential is the code's user's.
    const verified = await call('POST', '/auth/credentials/code/verify', body, {
      Authorization: `Bearer ${stranger.token}`,
    });
    expect(verified.status).toBe(200);
    expect(Object.keys(verified.body).sort()).toEqual(CREATE_CREDENTIAL_RESPONSE_KEYS);
    expect(verified.body).toMatchObject({ kind: 'Fido2', name: 'Phone', isActive: true, origin: ORIGIN });
    expect(await credentialNames(call, user.token)).toEqual(['Passkey', 'Phone']);
    expect(await credentialNames(call, stranger.token)).toEqual(['Passkey']);

    // The new passkey signs for its user.
    const signed = await signedCall(call, { token: user.token, authenticator }, 'POST', '/auth/credentials/code', {
      expiration: Math.floor(START / 1000) + 30,
    });
    expect(signed.status).toBe(200);
  });

  it('should add a key credential with a code', async () => {
    const { call } = setup();
    const user = await signUpWithPasskey(call);
    const { code } = (await createCode(call, user)).body;
    const init = await call('POST', '/auth/credentials/code/init', { code, credentialKind: 'Key' }, NO_AUTH);
    expect(init.body).toMatchObject({ kind: 'Key', user: { id: user.userId } });
    expect(init.body).not.toHaveProperty('excludeCredentials');
    const key = createSoftwareKeyCredential({ challenge: init.body.challenge, origin: ORIGIN });
    const verified = await call(
      'POST',
      '/auth/credentials/code/verify',
      {
        credentialKind: 'Key',
        credentialName: 'Server key',
        challengeIdentifier: init.body.challengeIdentifier,
        credentialInfo: key.credentialInfo,
      },
      NO_AUTH,
    );
    expect(verified.body).toMatchObject({ kind: 'Key', name: 'Server key' });
  });

  describe('the code', () => {
    it('should take an expiration as an ISO date-time or Unix seconds, at most a minute ahead', async () => {
      const { call } = setup();
      const user = await signUpWithPasskey(call);
      const seconds = Math.floor(START / 1000);
      expect((await createCode(call, user, seconds + 60)).body.expiration).toBe('2026-11-24T12:01:00.000Z');
      expect((await createCode(call, user, '2026-11-24T13:00:30+01:00')).body.expiration).toBe(
        '2026-11-24T12:00:30.000Z',
      );
      expectDfnsError(await createCode(call, user, '2026-11-24T11:59:59Z'), 400, /in the past/);
      expectDfnsError(await createCode(call, user, seconds + 3600), 400, /more than 1 minute ahead/);
      expectDfnsError(await createCode(call, user, START + 30_000), 400, /Unix time in seconds, not milliseconds/);
      for (const bad of [null, 'tomorrow', '2026-11-24', 1.5, -1, true, '2026-13-45T99:00:00Z']) {
        expectDfnsError(await createCode(call, user, bad), 400, /expiration/);
      }
      expectDfnsError(
        await signedCall(call, user, 'POST', '/auth/credentials/code', {}),
        400,
        /expiration is required/,
      );
    });

    it('should be refused once expired, unknown, or used', async () => {
      const { call, clock } = setup();
      const user = await signUpWithPasskey(call);
      const init = (code: string) =>
        call('POST', '/auth/credentials/code/init', { code, credentialKind: 'Fido2' }, NO_AUTH);

      const expiring = (await createCode(call, user, new Date(START + 10_000).toISOString())).body.code;
      clock.now += 10_001;
      expectDfnsError(await init(expiring), 400, /^code has expired/);
      expectDfnsError(await init('AAA-BBB-CCC'), 400, /^code is unknown/);
      expectDfnsError(await init(expiring.toLowerCase()), 400, /^code is unknown/);

      const { code } = (await createCode(call, user, new Date(clock.now + 60_000).toISOString())).body;
      const first = await passkeyWithCode(call, code);
      const second = await passkeyWithCode(call, code);
      expect((await call('POST', '/auth/credentials/code/verify', first.body, NO_AUTH)).status).toBe(200);
      expectDfnsError(
        await call('POST', '/auth/credentials/code/verify', second.body, NO_AUTH),
        400,
        /^code was already used/,
      );
      expectDfnsError(await init(code), 400, /^code was already used/);
      expect(await credentialNames(call, user.token)).toEqual(['Passkey', 'Phone']);
    });

    it('should stay usable after a failed verification, and its challenge outlive it', async () => {
      const { call, clock } = setup();
      const user = await signUpWithPasskey(call);
      const { code } = (await createCode(call, user)).body;
      const foreign = await passkeyWithCode(call, code, 'https://evil.example');
      expectDfnsError(await call('POST', '/auth/credentials/code/verify', foreign.body, NO_AUTH), 400, /origin/);
      const retry = await passkeyWithCode(call, code);
      clock.now += 61_000; // the code has expired; its challenge (5 minutes) has not
      expect((await call('POST', '/auth/credentials/code/verify', retry.body, NO_AUTH)).status).toBe(200);
    });
  });

  describe('refusals', () => {
    it('should need a user action signed for POST /auth/credentials/code, unless signing is off', async () => {
      const { call } = setup();
      const user = await signUpWithPasskey(call);
      const body = { expiration: new Date(START + 30_000).toISOString() };
      expectDfnsError(
        await call('POST', '/auth/credentials/code', body, { Authorization: `Bearer ${user.token}` }),
        403,
        new RegExp(USER_ACTION_REFUSED),
      );
      const unsigned = setupBackend({ userActionSigning: 'off' });
      const created = await unsigned.call('POST', '/auth/credentials/code', {
        expiration: Math.floor(Date.now() / 1000) + 30,
      });
      expect(created.status).toBe(200);
    });

    it('should keep code challenges and other challenges apart', async () => {
      const { call } = setupBackend();
      const user = await signUpWithPasskey(call);
      const stranger = await signUpWithPasskey(call, 'stranger@example.com');
      const { code } = (
        await call(
          'POST',
          '/auth/credentials/code',
          { expiration: Math.floor(Date.now() / 1000) + 30 },
          { Authorization: `Bearer ${user.token}` },
        )
      ).body;

      const withCode = await passkeyWithCode(call, code);
      expectDfnsError(
        await call('POST', '/auth/credentials', withCode.body, { Authorization: `Bearer ${stranger.token}` }),
        403,
        /issued to another user/,
      );
      expectDfnsError(
        await call('POST', '/auth/credentials', withCode.body, { Authorization: `Bearer ${user.token}` }),
        400,
        /complete it with \/code\/verify/,
      );

      const regular = await call(
        'POST',
        '/auth/credentials/init',
        { kind: 'Fido2' },
        { Authorization: `Bearer ${user.token}` },
      );
      const credentialInfo = await createSoftwareAuthenticator().register({
        challenge: regular.body.challenge,
        rpId: 'localhost',
        origin: ORIGIN,
      });
      expectDfnsError(
        await call(
          'POST',
          '/auth/credentials/code/verify',
          {
            credentialKind: 'Fido2',
            credentialName: 'X',
            challengeIdentifier: regular.body.challengeIdentifier,
            credentialInfo,
          },
          NO_AUTH,
        ),
        400,
        /does not come from POST \/auth\/credentials\/code\/init/,
      );

      const keyInit = await call('POST', '/auth/credentials/code/init', { code, credentialKind: 'Key' }, NO_AUTH);
      expectDfnsError(
        await call(
          'POST',
          '/auth/credentials/code/verify',
          { ...withCode.body, challengeIdentifier: keyInit.body.challengeIdentifier },
          NO_AUTH,
        ),
        400,
        /does not match the challenge's kind Key/,
      );
      expectDfnsError(
        await call('POST', '/auth/credentials/code/init', { code, credentialKind: 'Password' }, NO_AUTH),
        400,
        /cannot be registered here/,
      );
    });
  });
});
