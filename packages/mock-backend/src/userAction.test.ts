import { sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { USER_ACTION_REFUSED } from './auth.ts';
import { expectDfnsError, ORIGIN, setupBackend, TOKEN, userActionChallenge } from './testHelpers.ts';
import { createSoftwareAuthenticator } from './testing/softwareAuthenticator.ts';
import { createSoftwareKeyCredential } from './testing/softwareKeySigner.ts';

/** A backend with user-action signing required (the default), and a JSON client for it. */
async function setup(options: { now?: () => number; userActionTtlMs?: number } = {}) {
  return setupBackend({ userActionSigning: 'required', ...options });
}

type Call = Awaited<ReturnType<typeof setup>>['call'];

/** The body of a new Fido2 credential for the demo user, as text. */
async function newPasskeyBody(call: Call, name = 'Passkey') {
  const init = (await call('POST', '/auth/credentials/init', { kind: 'Fido2' })).body;
  const credentialInfo = await createSoftwareAuthenticator().register({
    challenge: init.challenge,
    rpId: 'localhost',
    origin: ORIGIN,
  });
  return JSON.stringify({
    credentialKind: 'Fido2',
    credentialName: name,
    challengeIdentifier: init.challengeIdentifier,
    credentialInfo,
  });
}

/** Registers a user with a Key first factor; returns their token and key. */
async function registerKeyUser(call: Call, username = 'ada@example.com') {
  const init = await call('POST', '/auth/registration/init', {
    orgId: 'or-credk-itmck-0000000000000000',
    username,
    registrationCode: 'any',
  });
  expect(init.status).toBe(200);
  const key = createSoftwareKeyCredential({ challenge: init.body.challenge, origin: ORIGIN });
  const done = await call(
    'POST',
    '/auth/registration/enduser',
    {
      firstFactorCredential: { credentialKind: 'Key', credentialInfo: key.credentialInfo, credentialName: 'Key' },
      wallets: [],
    },
    { Authorization: `Bearer ${init.body.temporaryAuthenticationToken}` },
  );
  expect(done.status).toBe(200);
  return { token: done.body.authentication.token as string, key, userId: done.body.user.id as string };
}

/** init → key signature → action: a user-action token for this exact request. */
async function userAction(
  call: Call,
  auth: { token: string; key: ReturnType<typeof createSoftwareKeyCredential> },
  request: { method: string; path: string; body: string },
) {
  const headers = { Authorization: `Bearer ${auth.token}` };
  const challenge = await userActionChallenge(call, auth.token, request);
  const clientData = Buffer.from(JSON.stringify({ type: 'key.get', challenge: challenge.challenge }));
  const signature = sign('sha256', clientData, { key: auth.key.privateKey, dsaEncoding: 'der' });
  const answer = await call(
    'POST',
    '/auth/action',
    {
      challengeIdentifier: challenge.challengeIdentifier,
      firstFactor: {
        kind: 'Key',
        credentialAssertion: {
          credId: auth.key.credentialInfo.credId,
          clientData: clientData.toString('base64url'),
          signature: signature.toString('base64url'),
        },
      },
    },
    headers,
  );
  expect(answer.status).toBe(200);
  return { challenge, userAction: answer.body.userAction as string };
}

describe('user registration', () => {
  it('should register a user with a first Key and sign them in', async () => {
    const { call } = await setup();
    const { token } = await registerKeyUser(call);
    const me = await call('GET', '/auth/users/me', undefined, { Authorization: `Bearer ${token}` });
    expect(me.body).toMatchObject({ username: 'ada@example.com', kind: 'EndUser' });
    const list = await call('GET', '/auth/credentials', undefined, { Authorization: `Bearer ${token}` });
    expect(list.body.items.map((item: { kind: string }) => item.kind)).toEqual(['Key']);
  });

  it('should register a user with a first passkey', async () => {
    const { call } = await setup();
    const init = await call('POST', '/auth/registration/init', {
      orgId: 'or-credk-itmck-0000000000000000',
      username: 'grace@example.com',
      registrationCode: '1',
    });
    expect(init.body).toMatchObject({
      user: { name: 'grace@example.com' },
      supportedCredentialKinds: { firstFactor: ['Fido2', 'Key', 'PasswordProtectedKey'], secondFactor: [] },
      authenticatorSelection: { userVerification: 'required' },
      excludeCredentials: [],
    });
    const credentialInfo = await createSoftwareAuthenticator().register({
      challenge: init.body.challenge,
      rpId: 'localhost',
      origin: ORIGIN,
    });
    const done = await call(
      'POST',
      '/auth/registration',
      { firstFactorCredential: { credentialKind: 'Fido2', credentialInfo } },
      { Authorization: `Bearer ${init.body.temporaryAuthenticationToken}` },
    );
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ credential: { kind: 'Fido2' }, user: { username: 'grace@example.com' } });
    expect(done.body).not.toHaveProperty('authentication');
  });

  it('should refuse a taken username, a foreign org, a reused or foreign temporary token', async () => {
    const { call } = await setup();
    await registerKeyUser(call, 'taken@example.com');
    expectDfnsError(
      await call('POST', '/auth/registration/init', {
        orgId: 'or-credk-itmck-0000000000000000',
        username: 'taken@example.com',
        registrationCode: '1',
      }),
      409,
      /already registered/,
    );
    expectDfnsError(
      await call('POST', '/auth/registration/init', {
        orgId: 'or-other',
        username: 'x@example.com',
        registrationCode: '1',
      }),
      400,
      /orgId or-other/,
    );
    expectDfnsError(
      await call(
        'POST',
        '/auth/registration/enduser',
        { firstFactorCredential: {} },
        { Authorization: `Bearer ${TOKEN}` },
      ),
      401,
      /Not Authorized/,
    );
  });
});

describe('user-action signing', () => {
  it('should let a signed POST /auth/credentials through, once', async () => {
    const { call } = await setup();
    const auth = await registerKeyUser(call);
    const headers = { Authorization: `Bearer ${auth.token}` };
    const body = await newPasskeyBody((m, p, b, h) => call(m, p, b, { ...headers, ...h }));
    const { challenge, userAction: token } = await userAction(call, auth, {
      method: 'POST',
      path: '/auth/credentials',
      body,
    });
    expect(challenge.allowCredentials.key).toEqual([{ type: 'public-key', id: auth.key.credentialInfo.credId }]);
    expect(challenge.allowCredentials.webauthn).toEqual([]);

    const created = await call('POST', '/auth/credentials', body, { ...headers, 'X-DFNS-USERACTION': token });
    expect(created.status).toBe(200);
    // Replayed: refused with the Dfns wording.
    const again = await newPasskeyBody((m, p, b, h) => call(m, p, b, { ...headers, ...h }), 'Again');
    expectDfnsError(
      await call('POST', '/auth/credentials', again, { ...headers, 'X-DFNS-USERACTION': token }),
      403,
      new RegExp(`^${USER_ACTION_REFUSED}$`),
    );
  });

  it('should refuse a missing token, a token for another body, another path, or another user', async () => {
    const { call, backend } = await setup();
    const auth = await registerKeyUser(call);
    const headers = { Authorization: `Bearer ${auth.token}` };
    const scoped = (m: string, p: string, b?: unknown, h: Record<string, string> = {}) =>
      call(m, p, b, { ...headers, ...h });
    const body = await newPasskeyBody(scoped);
    expectDfnsError(
      await scoped('POST', '/auth/credentials', body),
      403,
      /user action signature is missing or invalid/,
    );

    const forOther = await userAction(call, auth, { method: 'POST', path: '/auth/credentials', body: `${body} ` });
    expectDfnsError(
      await scoped('POST', '/auth/credentials', body, { 'X-DFNS-USERACTION': forOther.userAction }),
      403,
      /missing or invalid/,
    );
    const otherPath = await userAction(call, auth, { method: 'POST', path: '/auth/credentials/code', body });
    expectDfnsError(
      await scoped('POST', '/auth/credentials', body, { 'X-DFNS-USERACTION': otherPath.userAction }),
      403,
      /missing or invalid/,
    );
    const mine = await userAction(call, auth, { method: 'POST', path: '/auth/credentials', body });
    const otherUser = await backend.mintToken('EndUser');
    expectDfnsError(
      await call('POST', '/auth/credentials', body, {
        Authorization: `Bearer ${otherUser}`,
        'X-DFNS-USERACTION': mine.userAction,
      }),
      403,
      /missing or invalid/,
    );
  });

  it('should bind the query string: a token signed without it, or with another, does not authorise the request', async () => {
    const { call } = await setup();
    const auth = await registerKeyUser(call);
    const headers = { Authorization: `Bearer ${auth.token}` };
    const scoped = (m: string, p: string, b?: unknown, h: Record<string, string> = {}) =>
      call(m, p, b, { ...headers, ...h });
    const body = await newPasskeyBody(scoped);
    const path = '/auth/credentials?mode=a';
    for (const signed of ['/auth/credentials', '/auth/credentials?mode=b']) {
      const token = (await userAction(call, auth, { method: 'POST', path: signed, body })).userAction;
      expectDfnsError(await scoped('POST', path, body, { 'X-DFNS-USERACTION': token }), 403, /missing or invalid/);
    }
    const token = (await userAction(call, auth, { method: 'POST', path, body })).userAction;
    expect((await scoped('POST', path, body, { 'X-DFNS-USERACTION': token })).status).toBe(200);
  });

  it('should refuse an expired token', async () => {
    let now = Date.parse('2026-11-24T12:00:00Z');
    const { call } = await setup({ now: () => now, userActionTtlMs: 1000 });
    const auth = await registerKeyUser(call);
    const headers = { Authorization: `Bearer ${auth.token}` };
    const body = await newPasskeyBody((m, p, b, h) => call(m, p, b, { ...headers, ...h }));
    const { userAction: token } = await userAction(call, auth, { method: 'POST', path: '/auth/credentials', body });
    now += 1001;
    expectDfnsError(
      await call('POST', '/auth/credentials', body, { ...headers, 'X-DFNS-USERACTION': token }),
      403,
      /missing or invalid/,
    );
  });

  it('should refuse a signature by a key the user does not have, or a wrong signature', async () => {
    const { call } = await setup();
    const auth = await registerKeyUser(call);
    const stranger = await registerKeyUser(call, 'eve@example.com');
    const headers = { Authorization: `Bearer ${auth.token}` };
    const challenge = await userActionChallenge(call, auth.token);
    const clientData = Buffer.from(JSON.stringify({ type: 'key.get', challenge: challenge.challenge }));
    const signature = sign('sha256', clientData, { key: stranger.key.privateKey, dsaEncoding: 'der' });
    const withKey = (credId: string) => ({
      challengeIdentifier: challenge.challengeIdentifier,
      firstFactor: {
        kind: 'Key',
        credentialAssertion: {
          credId,
          clientData: clientData.toString('base64url'),
          signature: signature.toString('base64url'),
        },
      },
    });
    expectDfnsError(
      await call('POST', '/auth/action', withKey(stranger.key.credentialInfo.credId), headers),
      400,
      /is not an active Key credential of this user/,
    );
    const second = await userActionChallenge(call, auth.token);
    expectDfnsError(
      await call(
        'POST',
        '/auth/action',
        { ...withKey(auth.key.credentialInfo.credId), challengeIdentifier: second.challengeIdentifier },
        headers,
      ),
      400,
      /challenge does not match|does not verify/,
    );
  });
});

describe('token kinds', () => {
  it('should let end users and organisation users create credentials, and refuse PATs and service accounts any change', async () => {
    const { call, backend } = await setup();
    for (const kind of ['EndUser', 'CustomerEmployee'] as const) {
      const token = await backend.mintToken(kind);
      const init = await call(
        'POST',
        '/auth/credentials/init',
        { kind: 'Fido2' },
        { Authorization: `Bearer ${token}` },
      );
      expect(init.status).toBe(200);
    }
    for (const kind of ['PersonalAccessToken', 'ServiceAccount'] as const) {
      const token = await backend.mintToken(kind);
      const headers = { Authorization: `Bearer ${token}` };
      expectDfnsError(await call('POST', '/auth/credentials/init', { kind: 'Fido2' }, headers), 403, new RegExp(kind));
      expectDfnsError(await call('POST', '/auth/credentials', {}, headers), 403, new RegExp(kind));
      // Dfns's reference pages: no PAT or service account makes codes or switches credentials.
      for (const [method, path] of [
        ['POST', '/auth/credentials/code'],
        ['PUT', '/auth/credentials/activate'],
        ['PUT', '/auth/credentials/deactivate'],
      ] as const) {
        expectDfnsError(await call(method, path, {}, headers), 403, new RegExp(kind));
      }
      expect((await call('GET', '/auth/credentials', undefined, headers)).status).toBe(200);
    }
  });

  it('should mint JWT-shaped tokens carrying the org id where the Dfns SDK reads it', async () => {
    const { backend } = await setup();
    const token = await backend.mintToken('EndUser');
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString());
    expect(payload['https://custom/app_metadata']).toMatchObject({ orgId: 'or-credk-itmck-0000000000000000' });
  });

  it('should accept the headers older SDKs send', async () => {
    const { call } = await setup();
    const response = await call('GET', '/auth/credentials', undefined, {
      'x-dfns-appid': 'ap-1',
      'x-dfns-nonce': 'n',
      'x-dfns-sdk-version': '0.6.12',
    });
    expect(response.status).toBe(200);
  });
});
