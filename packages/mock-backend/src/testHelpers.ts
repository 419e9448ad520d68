import { type KeyObject, sign } from 'node:crypto';
import { expect } from 'vitest';
import { DEFAULT_ORG_ID, type MockBackendOptions } from './config.ts';
import { createMockBackend } from './createMockBackend.ts';
import { createSoftwareAuthenticator, type SoftwareAuthenticator } from './testing/softwareAuthenticator.ts';
import { createSoftwareKeyCredential } from './testing/softwareKeySigner.ts';

export const ORIGIN = 'http://localhost:5173';
export const TOKEN = 'test-token';
/** The nine fields of Dfns' `CreateCredentialResponse`, sorted. */
export const CREATE_CREDENTIAL_RESPONSE_KEYS = [
  'credentialId',
  'credentialUuid',
  'dateCreated',
  'isActive',
  'kind',
  'name',
  'origin',
  'publicKey',
  'relyingPartyId',
];

/** An in-process mock backend and a JSON client for it. Test-only. */
export function setupBackend(options: MockBackendOptions = {}) {
  const backend = createMockBackend({
    origins: [ORIGIN],
    rpId: 'localhost',
    token: TOKEN,
    // Most tests are about one call; user-action signing has its own tests.
    userActionSigning: 'off',
    ...options,
  });
  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await backend.fetch(
      new Request(`http://mock.test${path}`, {
        method,
        headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', Origin: ORIGIN, ...headers },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      }),
    );
    const text = await response.text();
    // biome-ignore lint/suspicious/noExplicitAny: tests read answers field by field and assert each one
    return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as any) : undefined };
  }
  return { backend, call };
}

export type Call = ReturnType<typeof setupBackend>['call'];

export async function init(call: Call) {
  const response = await call('POST', '/auth/credentials/init', { kind: 'Fido2' });
  expect(response.status).toBe(200);
  return response.body as { challenge: string; challengeIdentifier: string; excludeCredentials: { id: string }[] };
}

export async function registration(
  call: Call,
  {
    origin = ORIGIN,
    rpId = 'localhost',
    type,
    userVerification = true,
    credentialId,
    attestation,
  }: {
    origin?: string;
    rpId?: string;
    type?: string;
    userVerification?: boolean;
    credentialId?: string;
    attestation?: 'none' | 'packed';
  } = {},
) {
  const challenge = await init(call);
  const credentialInfo = await createSoftwareAuthenticator({ userVerification, attestation }).register({
    challenge: challenge.challenge,
    rpId,
    origin,
    type,
    credentialId,
  });
  return {
    credentialKind: 'Fido2',
    credentialName: 'Software key',
    challengeIdentifier: challenge.challengeIdentifier,
    credentialInfo,
  };
}

export function expectDfnsError(response: { status: number; body: unknown }, status: number, message: RegExp) {
  expect(response.status).toBe(status);
  expect(response.body).toEqual({ error: { message: expect.stringMatching(message) } });
}

/** A signed-up user whose first factor is a passkey of `authenticator`. */
export interface PasskeyUser {
  authenticator: SoftwareAuthenticator;
  username: string;
  userId: string;
  token: string;
  credentialId: string;
  credentialUuid: string;
}

/** A passkey of `authenticator` for a Dfns challenge (RP id localhost, ORIGIN), for `userId` when given. */
export async function newPasskey(challenge: string, userId?: string, authenticator = createSoftwareAuthenticator()) {
  const credentialInfo = await authenticator.register({ challenge, rpId: 'localhost', origin: ORIGIN, userId });
  return { authenticator, credentialInfo };
}

/**
 * A sign-up begun (`POST /auth/registration/init`) and a passkey of `authenticator` made for its
 * challenge; `complete(more, path)` sends the first factor with the `more` fields, as the
 * registration's token.
 */
export async function beginSignUp(
  call: Call,
  username = 'pat@example.com',
  authenticator = createSoftwareAuthenticator(),
) {
  const init = await call('POST', '/auth/registration/init', {
    orgId: DEFAULT_ORG_ID,
    username,
    registrationCode: 'any',
  });
  expect(init.status).toBe(200);
  const { credentialInfo } = await newPasskey(init.body.challenge, init.body.user.id, authenticator);
  const firstFactorCredential = { credentialKind: 'Fido2', credentialInfo, credentialName: 'Passkey' };
  return {
    init: init.body as { challenge: string; user: { id: string }; temporaryAuthenticationToken: string },
    authenticator,
    firstFactorCredential,
    complete: (more: Record<string, unknown> = { wallets: [] }, path = '/auth/registration/enduser') =>
      call(
        'POST',
        path,
        { firstFactorCredential, ...more },
        { Authorization: `Bearer ${init.body.temporaryAuthenticationToken}` },
      ),
  };
}

/** Signs up a new user whose first factor is a passkey (made by `authenticator`), signed in. */
export async function signUpWithPasskey(
  call: Call,
  username = 'pat@example.com',
  authenticator = createSoftwareAuthenticator(),
): Promise<PasskeyUser> {
  const signUp = await beginSignUp(call, username, authenticator);
  const done = await signUp.complete();
  expect(done.status).toBe(200);
  return {
    authenticator,
    username,
    userId: done.body.user.id,
    token: done.body.authentication.token,
    credentialId: signUp.firstFactorCredential.credentialInfo.credId,
    credentialUuid: done.body.credential.uuid,
  };
}

/** Adds a passkey (of a new authenticator) to the user of `token`, user actions off: its authenticator and answer. */
export async function addPasskey(call: Call, token: string, credentialName = 'Spare') {
  const auth = { Authorization: `Bearer ${token}` };
  const init = await call('POST', '/auth/credentials/init', { kind: 'Fido2' }, auth);
  expect(init.status).toBe(200);
  const { authenticator, credentialInfo } = await newPasskey(init.body.challenge);
  const created = await call(
    'POST',
    '/auth/credentials',
    { credentialKind: 'Fido2', credentialName, challengeIdentifier: init.body.challengeIdentifier, credentialInfo },
    auth,
  );
  expect(created.status).toBe(200);
  return { authenticator, credential: created.body };
}

/** A call to authorise, for tests about the signature rather than the call. */
export const ANY_REQUEST = { method: 'POST', path: '/auth/credentials', body: '{}' };

/** `POST /auth/action/init` for `request`, as the user of `token`: the challenge. */
export async function userActionChallenge(call: Call, token: string, request = ANY_REQUEST) {
  const challenge = await call(
    'POST',
    '/auth/action/init',
    {
      userActionPayload: request.body,
      userActionHttpMethod: request.method,
      userActionHttpPath: request.path,
      userActionServerKind: 'Api',
    },
    { Authorization: `Bearer ${token}` },
  );
  expect(challenge.status).toBe(200);
  return challenge.body;
}

/** How a test passkey signs: on which origin (ORIGIN), with which credentials, reporting which counter. */
export interface PasskeySigning {
  origin?: string;
  counter?: number;
  allowCredentials?: readonly { id: string }[];
}

/** A Fido2 `firstFactor` of `authenticator` for a Dfns challenge string, for RP id localhost. */
export async function passkeyFactor(
  authenticator: SoftwareAuthenticator,
  challenge: string,
  sign: PasskeySigning = {},
) {
  const credentialAssertion = await authenticator.authenticate({
    challenge,
    rpId: 'localhost',
    origin: sign.origin ?? ORIGIN,
    allowCredentials: sign.allowCredentials,
    counter: sign.counter,
  });
  return { kind: 'Fido2' as const, credentialAssertion };
}

/** `POST /auth/action/init` then `POST /auth/action`, signed by one of the user's passkeys: the answer. */
export async function passkeyUserAction(
  call: Call,
  user: Pick<PasskeyUser, 'token' | 'authenticator'>,
  request: { method: string; path: string; body: string },
  sign: Omit<PasskeySigning, 'allowCredentials'> = {},
) {
  const challenge = await userActionChallenge(call, user.token, request);
  const firstFactor = await passkeyFactor(user.authenticator, challenge.challenge, {
    ...sign,
    allowCredentials: challenge.allowCredentials.webauthn,
  });
  return call(
    'POST',
    '/auth/action',
    { challengeIdentifier: challenge.challengeIdentifier, firstFactor },
    { Authorization: `Bearer ${user.token}` },
  );
}

/** Sends a change-inducing request as `user`, with a user action signed by their passkey. */
export async function signedCall(
  call: Call,
  user: Pick<PasskeyUser, 'token' | 'authenticator'>,
  method: string,
  path: string,
  body: unknown,
) {
  const text = JSON.stringify(body);
  const action = await passkeyUserAction(call, user, { method, path, body: text });
  expect(action.status).toBe(200);
  return call(method, path, text, {
    Authorization: `Bearer ${user.token}`,
    'X-DFNS-USERACTION': action.body.userAction,
  });
}

/** The encryptedPrivateKey test RecoveryKeys are registered with (opaque to the mock). */
export const RECOVERY_WRAPPED = Buffer.from('{"v":1,"wrapped":"under the recovery code"}').toString('base64');

/**
 * A new RecoveryKey (a P-256 key) for a challenge: the `recoveryCredential` of a sign-up or a
 * recovery, with its private key wrapped as `encryptedPrivateKey`, and the private key.
 */
export function newRecoveryKey(challenge: string, credentialName = 'Recovery key') {
  const key = createSoftwareKeyCredential({ challenge, origin: ORIGIN });
  return {
    privateKey: key.privateKey,
    credentialId: key.credentialInfo.credId,
    recoveryCredential: {
      credentialKind: 'RecoveryKey',
      credentialInfo: key.credentialInfo,
      encryptedPrivateKey: RECOVERY_WRAPPED,
      credentialName,
    },
  };
}

/** Adds a RecoveryKey (a P-256 key, its private key wrapped as encryptedPrivateKey) to the user. */
export async function addRecoveryKey(call: Call, user: Pick<PasskeyUser, 'token'>) {
  const auth = { Authorization: `Bearer ${user.token}` };
  const challenge = await call('POST', '/auth/credentials/init', { kind: 'RecoveryKey' }, auth);
  expect(challenge.status).toBe(200);
  const key = newRecoveryKey(challenge.body.challenge);
  const created = await call(
    'POST',
    '/auth/credentials',
    { ...key.recoveryCredential, challengeIdentifier: challenge.body.challengeIdentifier },
    auth,
  );
  expect(created.status).toBe(200);
  return { privateKey: key.privateKey, credentialId: key.credentialId };
}

/** The recovery key's assertion over `newCredentials`, as Dfns documents it. */
export function recoveryAssertion(
  privateKey: KeyObject,
  credId: string,
  newCredentials: unknown,
  { type = 'key.get', origin = ORIGIN }: { type?: string; origin?: string } = {},
) {
  const clientData = Buffer.from(
    JSON.stringify({
      type,
      challenge: Buffer.from(JSON.stringify(newCredentials)).toString('base64url'),
      origin,
      crossOrigin: false,
    }),
  );
  const signature = sign('sha256', clientData, { key: privateKey, dsaEncoding: 'der' });
  return {
    kind: 'RecoveryKey',
    credentialAssertion: {
      credId,
      clientData: clientData.toString('base64url'),
      signature: signature.toString('base64url'),
      algorithm: 'SHA256',
    },
  };
}
