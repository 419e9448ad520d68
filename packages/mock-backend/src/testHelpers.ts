import { type KeyObject, sign } from 'node:crypto';
import { expect } from 'vitest';
import { DEFAULT_ORG_ID, type MockBackendOptions } from './config.ts';
import { createMockBackend } from './createMockBackend.ts';
import { createSoftwareAuthenticator, type SoftwareAuthenticator } from './testing/softwareAuthenticator.ts';
import { createSoftwareKeyCredential } from './testing/softwareKeySigner.ts';
import { TESTING_SERVICE_ACCOUNT } from './testing/testingServiceAccount.ts';

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

/** The keys of Dfns's `CreateRecoveryChallengeResponse`, sorted: what both recovery inits answer. */
export const RECOVERY_CHALLENGE_KEYS = [
  'allowedRecoveryCredentials',
  'attestation',
  'authenticatorSelection',
  'challenge',
  'excludeCredentials',
  'otpUrl',
  'pubKeyCredParams',
  'rp',
  'supportedCredentialKinds',
  'temporaryAuthenticationToken',
  'user',
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

/** {@link setupBackend} with user-action signing required, as at Dfns: change-inducing calls are signed for real. */
export function setupSignedBackend(options: MockBackendOptions = {}) {
  return setupBackend({ userActionSigning: 'required', ...options });
}

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

/** `POST /auth/registration/init` for `username`, in the mock's organisation, with any code: the answer. */
export function registrationInit(call: Call, username: string) {
  return call('POST', '/auth/registration/init', { orgId: DEFAULT_ORG_ID, username, registrationCode: 'any' });
}

/** The answer of `POST /auth/registration/init` or `/auth/registration/delegated`. */
export interface RegistrationChallenge {
  challenge: string;
  user: { id: string };
  temporaryAuthenticationToken: string;
}

/**
 * A passkey of `authenticator` made for a sign-up's challenge (`init`, begun by
 * `POST /auth/registration/init` or `/delegated`); `complete(more, path)` sends the first factor with
 * the `more` fields, as the registration's token.
 */
export async function signUpFor(call: Call, init: RegistrationChallenge, authenticator: SoftwareAuthenticator) {
  const { credentialInfo } = await newPasskey(init.challenge, init.user.id, authenticator);
  const firstFactorCredential = { credentialKind: 'Fido2', credentialInfo, credentialName: 'Passkey' };
  return {
    init,
    authenticator,
    firstFactorCredential,
    complete: (more: Record<string, unknown> = { wallets: [] }, path = '/auth/registration/enduser') =>
      call(
        'POST',
        path,
        { firstFactorCredential, ...more },
        { Authorization: `Bearer ${init.temporaryAuthenticationToken}` },
      ),
  };
}

/** A sign-up begun (`POST /auth/registration/init`) and a passkey of `authenticator` made for it: see {@link signUpFor}. */
export async function beginSignUp(
  call: Call,
  username = 'pat@example.com',
  authenticator = createSoftwareAuthenticator(),
) {
  const init = await registrationInit(call, username);
  expect(init.status).toBe(200);
  return signUpFor(call, init.body as RegistrationChallenge, authenticator);
}

/** Completes a sign-up begun with {@link signUpFor} (no wallets): the user, signed in. */
async function finishSignUp(signUp: Awaited<ReturnType<typeof signUpFor>>, username: string): Promise<PasskeyUser> {
  const done = await signUp.complete();
  expect(done.status).toBe(200);
  return {
    authenticator: signUp.authenticator,
    username,
    userId: done.body.user.id,
    token: done.body.authentication.token,
    credentialId: signUp.firstFactorCredential.credentialInfo.credId,
    credentialUuid: done.body.credential.uuid,
  };
}

/** Signs up a new user whose first factor is a passkey (made by `authenticator`), signed in. */
export async function signUpWithPasskey(
  call: Call,
  username = 'pat@example.com',
  authenticator = createSoftwareAuthenticator(),
): Promise<PasskeyUser> {
  return finishSignUp(await beginSignUp(call, username, authenticator), username);
}

/**
 * Completes a sign-up begun by `POST /auth/registration/init` or `/delegated` (their answer,
 * `challenge`): a passkey of `authenticator` for its challenge, then `POST /auth/registration/enduser`
 * under its temporary token. The user, signed in.
 */
export async function completeSignUp(
  call: Call,
  challenge: RegistrationChallenge,
  username: string,
  authenticator: SoftwareAuthenticator,
): Promise<PasskeyUser> {
  return finishSignUp(await signUpFor(call, challenge, authenticator), username);
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

/** A user-action challenge's parts a signer reads (`POST /auth/action/init`'s answer). */
export interface UserActionChallenge {
  challenge: string;
  challengeIdentifier: string;
  allowCredentials: { webauthn: { id: string }[]; key: { id: string }[] };
}

/** Signs a user-action challenge as one of the caller's credentials: the `firstFactor`. */
export type ChallengeSigner = (challenge: UserActionChallenge) => unknown;

/** `POST /auth/action/init` then `POST /auth/action`, as the user of `token`, signed by `signChallenge`: the answer. */
export async function userAction(
  call: Call,
  token: string,
  request: { method: string; path: string; body: string },
  signChallenge: ChallengeSigner,
) {
  const challenge: UserActionChallenge = await userActionChallenge(call, token, request);
  return call(
    'POST',
    '/auth/action',
    { challengeIdentifier: challenge.challengeIdentifier, firstFactor: await signChallenge(challenge) },
    { Authorization: `Bearer ${token}` },
  );
}

/** `POST /auth/action/init` then `POST /auth/action`, signed by one of the user's passkeys: the answer. */
export function passkeyUserAction(
  call: Call,
  user: Pick<PasskeyUser, 'token' | 'authenticator'>,
  request: { method: string; path: string; body: string },
  sign: Omit<PasskeySigning, 'allowCredentials'> = {},
) {
  return userAction(call, user.token, request, (challenge) =>
    passkeyFactor(user.authenticator, challenge.challenge, {
      ...sign,
      allowCredentials: challenge.allowCredentials.webauthn,
    }),
  );
}

/** Sends a change-inducing request as the user of `token`, with a user action signed by `signChallenge`. */
export async function signedCallAs(
  call: Call,
  token: string,
  signChallenge: ChallengeSigner,
  method: string,
  path: string,
  body: unknown,
) {
  const text = JSON.stringify(body);
  const action = await userAction(call, token, { method, path, body: text }, signChallenge);
  expect(action.status).toBe(200);
  return call(method, path, text, { Authorization: `Bearer ${token}`, 'X-DFNS-USERACTION': action.body.userAction });
}

/** Sends a change-inducing request as `user`, with a user action signed by their passkey. */
export function signedCall(
  call: Call,
  user: Pick<PasskeyUser, 'token' | 'authenticator'>,
  method: string,
  path: string,
  body: unknown,
) {
  return signedCallAs(
    call,
    user.token,
    (challenge) =>
      passkeyFactor(user.authenticator, challenge.challenge, { allowCredentials: challenge.allowCredentials.webauthn }),
    method,
    path,
    body,
  );
}

/**
 * A Key `firstFactor` for a Dfns challenge, made as `@dfns/sdk-keysigner`'s AsymmetricKeySigner makes it:
 * clientData `{"type":"key.get","challenge":…}` signed with `crypto.sign` and no algorithm (DER ECDSA
 * SHA-256 for P-256, Ed25519 for Ed25519).
 */
export function keyFactor(credId: string, privateKey: KeyObject | string, challenge: string) {
  const clientData = Buffer.from(JSON.stringify({ type: 'key.get', challenge }));
  return {
    kind: 'Key' as const,
    credentialAssertion: {
      credId,
      clientData: clientData.toString('base64url'),
      signature: sign(undefined, clientData, privateKey).toString('base64url'),
    },
  };
}

/** A service account's key signs its user actions: the testing one unless another is given. */
export function serviceAccountSigner(
  account: { credId: string; privateKey: KeyObject | string } = TESTING_SERVICE_ACCOUNT,
): ChallengeSigner {
  return (challenge) => keyFactor(account.credId, account.privateKey, challenge.challenge);
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

/**
 * Adds a RecoveryKey (a P-256 key, its private key wrapped as encryptedPrivateKey) to the user; `signed`,
 * the creation carries a user action signed by the user's passkey (for a backend that requires them).
 */
export async function addRecoveryKey(
  call: Call,
  user: Pick<PasskeyUser, 'token'> & Partial<Pick<PasskeyUser, 'authenticator'>>,
  { signed = false }: { signed?: boolean } = {},
) {
  const auth = { Authorization: `Bearer ${user.token}` };
  const challenge = await call('POST', '/auth/credentials/init', { kind: 'RecoveryKey' }, auth);
  expect(challenge.status).toBe(200);
  const key = newRecoveryKey(challenge.body.challenge);
  const body = { ...key.recoveryCredential, challengeIdentifier: challenge.body.challengeIdentifier };
  const created =
    signed && user.authenticator
      ? await signedCall(
          call,
          { token: user.token, authenticator: user.authenticator },
          'POST',
          '/auth/credentials',
          body,
        )
      : await call('POST', '/auth/credentials', body, auth);
  expect(created.status).toBe(200);
  return {
    privateKey: key.privateKey,
    credentialId: key.credentialId,
    credentialUuid: created.body.credentialUuid as string,
  };
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

/** The testing service account's bearer token, as a header. */
export const SERVICE_ACCOUNT_AUTH = { Authorization: `Bearer ${TESTING_SERVICE_ACCOUNT.token}` };

/** A `POST` to a delegated route as the testing service account, its user action signed by its key. */
export function asServiceAccount(call: Call, path: string, body: unknown) {
  return signedCallAs(call, TESTING_SERVICE_ACCOUNT.token, serviceAccountSigner(), 'POST', path, body);
}

/**
 * Registers an end user as an app's backend does it: the service account's delegated registration,
 * the user's passkey made for its challenge, then `POST /auth/registration/enduser` under its temporary token.
 */
export async function delegatedSignUp(
  call: Call,
  email: string,
  {
    externalId,
    authenticator = createSoftwareAuthenticator(),
  }: { externalId?: string; authenticator?: SoftwareAuthenticator } = {},
): Promise<PasskeyUser> {
  const challenge = await asServiceAccount(call, '/auth/registration/delegated', {
    email,
    kind: 'EndUser',
    ...(externalId !== undefined && { externalId }),
  });
  expect(challenge.status).toBe(200);
  return completeSignUp(call, challenge.body, email, authenticator);
}

/** A passkey of a new authenticator for a Dfns challenge to `challenge.user`, made on ORIGIN as a browser would. */
export function newPasskeyFor(challenge: { challenge: string; user: { id: string } }) {
  return newPasskey(challenge.challenge, challenge.user.id);
}

/** A recovery's new credentials: a passkey, made by a new authenticator for the recovery `challenge`. */
export async function newPasskeyCredentials(challenge: { challenge: string; user: { id: string } }) {
  const { authenticator, credentialInfo } = await newPasskeyFor(challenge);
  const newCredentials = {
    firstFactorCredential: { credentialKind: 'Fido2' as const, credentialInfo, credentialName: 'New passkey' },
  };
  return { authenticator, newCredentials };
}

/** `POST /auth/recover/user` for a recovery begun by `challenge`: a new passkey, signed by `recoveryKey`. */
export async function completeRecovery(
  call: Call,
  recoveryKey: { privateKey: KeyObject; credentialId: string },
  challenge: { challenge: string; user: { id: string }; temporaryAuthenticationToken: string },
) {
  const { newCredentials } = await newPasskeyCredentials(challenge);
  return call(
    'POST',
    '/auth/recover/user',
    { recovery: recoveryAssertion(recoveryKey.privateKey, recoveryKey.credentialId, newCredentials), newCredentials },
    { Authorization: `Bearer ${challenge.temporaryAuthenticationToken}` },
  );
}
