import { describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { DEFAULT_ORG_ID, type MockBackendOptions, resolveMockOptions, type VerificationCodeMail } from './config.ts';
import { createContext } from './context.ts';
import {
  addRecoveryKey,
  type Call,
  expectDfnsError,
  newPasskey,
  ORIGIN,
  type PasskeyUser,
  passkeyFactor,
  passkeyUserAction,
  recoveryAssertion,
  signedCall,
  signUpWithPasskey,
  TOKEN,
} from './testHelpers.ts';
import type { createSoftwareAuthenticator } from './testing/softwareAuthenticator.ts';

const NO_AUTH = { Authorization: '' };

/**
 * A backend (user actions signed) with its context at hand, so a test can hold a request between its
 * verification and its write (`ctx.testHooks`), and the recovery codes it "mails".
 */
function setup(options: MockBackendOptions = {}) {
  const mails: VerificationCodeMail[] = [];
  const ctx = createContext(
    resolveMockOptions({
      origins: [ORIGIN],
      rpId: 'localhost',
      token: TOKEN,
      userActionSigning: 'required',
      onVerificationCode: (mail) => mails.push(mail),
      ...options,
    }),
  );
  const app = createApp(ctx);
  const call: Call = async (method, path, body, headers = {}) => {
    const response = await app.fetch(
      new Request(`http://mock.test${path}`, {
        method,
        headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', Origin: ORIGIN, ...headers },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      }),
    );
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };
  return { ctx, call, mails };
}

/** The victim: a passkey and a RecoveryKey. */
async function victim(call: Call) {
  const user = await signUpWithPasskey(call, 'vic@example.com');
  return { ...user, recoveryKey: await addRecoveryKey(call, user, { signed: true }) };
}

/** The victim recovers with their RecoveryKey and a new passkey: the answer. */
async function recover(call: Call, mails: VerificationCodeMail[], user: Awaited<ReturnType<typeof victim>>) {
  const sent = await call(
    'POST',
    '/auth/recover/user/code',
    { username: user.username, orgId: DEFAULT_ORG_ID },
    NO_AUTH,
  );
  expect(sent.status).toBe(200);
  const init = await call(
    'POST',
    '/auth/recover/user/init',
    {
      orgId: DEFAULT_ORG_ID,
      username: user.username,
      verificationCode: mails.at(-1)?.verificationCode,
      credentialId: user.recoveryKey.credentialId,
    },
    NO_AUTH,
  );
  expect(init.status).toBe(200);
  const { authenticator, credentialInfo } = await newPasskey(init.body.challenge, init.body.user.id);
  const newCredentials = { firstFactorCredential: { credentialKind: 'Fido2', credentialInfo, credentialName: 'New' } };
  const done = await call(
    'POST',
    '/auth/recover/user',
    {
      recovery: recoveryAssertion(user.recoveryKey.privateKey, user.recoveryKey.credentialId, newCredentials),
      newCredentials,
    },
    { Authorization: `Bearer ${init.body.temporaryAuthenticationToken}` },
  );
  expect(done.status).toBe(200);
  return authenticator;
}

/** An `X-DFNS-USERACTION` for one request, signed by the user's passkey, not yet used. */
async function userActionToken(
  call: Call,
  user: Pick<PasskeyUser, 'token' | 'authenticator'>,
  method: string,
  path: string,
  body: string,
) {
  const action = await passkeyUserAction(call, user, { method, path, body });
  expect(action.status).toBe(200);
  return action.body.userAction as string;
}

/** Logs in with the recovered passkey: the token. */
async function loginAs(call: Call, username: string, authenticator: ReturnType<typeof createSoftwareAuthenticator>) {
  const init = await call('POST', '/auth/login/init', { orgId: DEFAULT_ORG_ID, username }, NO_AUTH);
  const firstFactor = await passkeyFactor(authenticator, init.body.challenge, {
    allowCredentials: init.body.allowCredentials.webauthn,
  });
  const done = await call(
    'POST',
    '/auth/login',
    { challengeIdentifier: init.body.challengeIdentifier, firstFactor },
    NO_AUTH,
  );
  expect(done.status).toBe(200);
  return done.body.token as string;
}

/** A second passkey of `user` (the thief's), added with a signed POST /auth/credentials. */
async function addSignedPasskey(call: Call, user: PasskeyUser) {
  const init = await call(
    'POST',
    '/auth/credentials/init',
    { kind: 'Fido2' },
    { Authorization: `Bearer ${user.token}` },
  );
  const { authenticator, credentialInfo } = await newPasskey(init.body.challenge, user.userId);
  const created = await signedCall(call, user, 'POST', '/auth/credentials', {
    credentialKind: 'Fido2',
    credentialName: 'Stolen',
    challengeIdentifier: init.body.challengeIdentifier,
    credentialInfo,
  });
  expect(created.status).toBe(200);
  return { authenticator, uuid: created.body.credentialUuid as string };
}

async function codeInit(call: Call, code: string) {
  return call('POST', '/auth/credentials/code/init', { code, credentialKind: 'Fido2' }, NO_AUTH);
}

/** A new passkey for a code challenge: the /code/verify body. */
async function codeVerifyBody(init: { challenge: string; challengeIdentifier: string; user: { id: string } }) {
  const { credentialInfo } = await newPasskey(init.challenge, init.user.id);
  return {
    credentialKind: 'Fido2',
    credentialName: 'Thief',
    challengeIdentifier: init.challengeIdentifier,
    credentialInfo,
  };
}

async function credentialNames(call: Call, token: string) {
  const list = await call('GET', '/auth/credentials', undefined, { Authorization: `Bearer ${token}` });
  return list.body.items.map((item: { name: string }) => item.name);
}

/** A code with the mock's own clock: a minute ahead. */
function inAMinute(ctx: ReturnType<typeof setup>['ctx']) {
  return new Date(ctx.options.now() + 60_000).toISOString();
}

describe('an account recovery evicts whoever held the old credentials', () => {
  it('should void a credential code made before it, and the challenge an attacker already took for it', async () => {
    const { call, ctx, mails } = setup();
    const user = await victim(call);
    const code = (await signedCall(call, user, 'POST', '/auth/credentials/code', { expiration: inAMinute(ctx) })).body
      .code;
    const other = (await signedCall(call, user, 'POST', '/auth/credentials/code', { expiration: inAMinute(ctx) })).body
      .code;
    // The attacker took a challenge with the first code before the recovery.
    const taken = await codeInit(call, code);
    expect(taken.status).toBe(200);
    const body = await codeVerifyBody(taken.body);

    const recovered = await recover(call, mails, user);
    expectDfnsError(
      await call('POST', '/auth/credentials/code/verify', body, NO_AUTH),
      400,
      /voided by an account recovery/,
    );
    // The other code cannot start a registration any more.
    expectDfnsError(await codeInit(call, other), 400, /voided by an account recovery/);
    // Only the recovered passkey is left.
    const login = await loginAs(call, user.username, recovered);
    expect(await credentialNames(call, login)).toEqual(['New']);
  });

  it('should void the unspent user actions the old passkey signed', async () => {
    const { call, ctx, mails } = setup();
    const user = await victim(call);
    const auth = { Authorization: `Bearer ${user.token}` };
    const init = await call('POST', '/auth/credentials/init', { kind: 'Fido2' }, auth);
    const { credentialInfo } = await newPasskey(init.body.challenge, user.userId);
    const createBody = JSON.stringify({
      credentialKind: 'Fido2',
      credentialName: 'Thief',
      challengeIdentifier: init.body.challengeIdentifier,
      credentialInfo,
    });
    // An unspent user action for that very request, signed by the stolen passkey before the recovery.
    const action = await userActionToken(call, user, 'POST', '/auth/credentials', createBody);
    await recover(call, mails, user);
    // Whatever token the thief has now (a fresh one minted for the user, to show the challenge itself is dead).
    const fresh = await ctx.tokens.mint({
      kind: 'EndUser',
      userId: user.userId,
      orgId: ctx.options.orgId,
      expiresAt: Number.POSITIVE_INFINITY,
    });
    const sent = await call('POST', '/auth/credentials', createBody, {
      Authorization: `Bearer ${fresh}`,
      'X-DFNS-USERACTION': action,
    });
    expectDfnsError(sent, 403, /user action signature is missing or invalid/);
  });

  it('should void a credential-init challenge of before, whatever token comes with it', async () => {
    const { call, ctx, mails } = setup({ userActionSigning: 'off' });
    const user = await victim(call);
    const init = await call(
      'POST',
      '/auth/credentials/init',
      { kind: 'Fido2' },
      { Authorization: `Bearer ${user.token}` },
    );
    const { credentialInfo } = await newPasskey(init.body.challenge, user.userId);
    await recover(call, mails, user);
    const fresh = await ctx.tokens.mint({
      kind: 'EndUser',
      userId: user.userId,
      orgId: ctx.options.orgId,
      expiresAt: Number.POSITIVE_INFINITY,
    });
    const stored = await call(
      'POST',
      '/auth/credentials',
      {
        credentialKind: 'Fido2',
        credentialName: 'Thief',
        challengeIdentifier: init.body.challengeIdentifier,
        credentialInfo,
      },
      { Authorization: `Bearer ${fresh}` },
    );
    expectDfnsError(stored, 400, /voided by an account recovery/);
    expect(ctx.store.credentialsOf(user.userId).map((credential) => credential.name)).toEqual(['New']);
  });

  it('should not store a credential whose request was in flight when the recovery completed', async () => {
    const { call, ctx, mails } = setup({ userActionSigning: 'off' });
    const user = await victim(call);
    const auth = { Authorization: `Bearer ${user.token}` };
    const init = await call('POST', '/auth/credentials/init', { kind: 'Fido2' }, auth);
    const { credentialInfo } = await newPasskey(init.body.challenge, user.userId);
    // Hold the request after its verification, before its write, until the recovery is done.
    let reached!: () => void;
    const atWrite = new Promise<void>((resolve) => {
      reached = resolve;
    });
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    ctx.testHooks = {
      beforeWrite: () => {
        reached();
        return released;
      },
    };
    const inFlight = call(
      'POST',
      '/auth/credentials',
      {
        credentialKind: 'Fido2',
        credentialName: 'Thief',
        challengeIdentifier: init.body.challengeIdentifier,
        credentialInfo,
      },
      auth,
    );
    await atWrite;
    ctx.testHooks = undefined;
    await recover(call, mails, user);
    release();
    const answer = await inFlight;
    expectDfnsError(answer, 401, /Not Authorized/);
    expect(ctx.store.credentialsOf(user.userId).map((credential) => credential.name)).toEqual(['New']);
  });
});

describe('deactivating a credential voids what its signature made', () => {
  it('should void the codes the deactivated passkey minted and their challenges, not the owner’s', async () => {
    const { call, ctx } = setup();
    const owner = await signUpWithPasskey(call, 'own@example.com');
    // The thief's passkey, added with a stolen session.
    const stolen = await addSignedPasskey(call, owner);
    const thief = { token: owner.token, authenticator: stolen.authenticator };
    const thiefCode = (await signedCall(call, thief, 'POST', '/auth/credentials/code', { expiration: inAMinute(ctx) }))
      .body.code;
    const thiefLater = (await signedCall(call, thief, 'POST', '/auth/credentials/code', { expiration: inAMinute(ctx) }))
      .body.code;
    const ownerCode = (await signedCall(call, owner, 'POST', '/auth/credentials/code', { expiration: inAMinute(ctx) }))
      .body.code;
    const taken = await codeInit(call, thiefCode);
    const body = await codeVerifyBody(taken.body);

    const off = await signedCall(call, owner, 'PUT', '/auth/credentials/deactivate', { credentialUuid: stolen.uuid });
    expect(off.status).toBe(200);
    expectDfnsError(
      await call('POST', '/auth/credentials/code/verify', body, NO_AUTH),
      400,
      /voided: the credential that made it was deactivated/,
    );
    expectDfnsError(await codeInit(call, thiefLater), 400, /voided: the credential that made it was deactivated/);
    // Activating it again does not revive them; the owner's own code still works.
    expect(
      (await signedCall(call, owner, 'PUT', '/auth/credentials/activate', { credentialUuid: stolen.uuid })).status,
    ).toBe(200);
    expectDfnsError(await codeInit(call, thiefLater), 400, /voided/);
    expect((await codeInit(call, ownerCode)).status).toBe(200);
  });
});

describe('a challenge is spent only by the route and user it was issued for', () => {
  it('should leave a challenge of another kind usable when /code/verify or /auth/login is sent it', async () => {
    const { call, ctx } = setup({ userActionSigning: 'off' });
    const user = await signUpWithPasskey(call, 'kit@example.com');
    const auth = { Authorization: `Bearer ${user.token}` };
    const init = await call('POST', '/auth/credentials/init', { kind: 'Fido2' }, auth);
    const { credentialInfo } = await newPasskey(init.body.challenge, user.userId);
    const body = {
      credentialKind: 'Fido2',
      credentialName: 'Mine',
      challengeIdentifier: init.body.challengeIdentifier,
      credentialInfo,
    };
    // A stranger who learned the id tries to burn it on the routes without sign-in.
    expectDfnsError(
      await call('POST', '/auth/credentials/code/verify', body, NO_AUTH),
      400,
      /does not come from POST \/auth\/credentials\/code\/init/,
    );
    const factor = await passkeyFactor(user.authenticator, init.body.challenge);
    expectDfnsError(
      await call(
        'POST',
        '/auth/login',
        { challengeIdentifier: init.body.challengeIdentifier, firstFactor: factor },
        NO_AUTH,
      ),
      400,
      /not a login challenge/,
    );
    // Still the owner's to use.
    expect((await call('POST', '/auth/credentials', body, auth)).status).toBe(200);
    // And a login challenge sent to /auth/credentials is not spent either.
    const login = await call('POST', '/auth/login/init', { orgId: DEFAULT_ORG_ID, username: user.username }, NO_AUTH);
    expectDfnsError(
      await call('POST', '/auth/credentials', { ...body, challengeIdentifier: login.body.challengeIdentifier }, auth),
      400,
      /not a challenge of POST \/auth\/credentials\/init/,
    );
    const signed = await passkeyFactor(user.authenticator, login.body.challenge, {
      allowCredentials: login.body.allowCredentials.webauthn,
    });
    expect(
      (
        await call(
          'POST',
          '/auth/login',
          { challengeIdentifier: login.body.challengeIdentifier, firstFactor: signed },
          NO_AUTH,
        )
      ).status,
    ).toBe(200);
    expect(ctx.store.credentialsOf(user.userId).map((c) => c.name)).toEqual(['Passkey', 'Mine']);
  });
});
