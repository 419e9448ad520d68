import { expect } from 'vitest';
import { DEFAULT_ORG_ID, type MockBackendOptions } from './config.ts';
import { createMockBackend } from './createMockBackend.ts';
import { createSoftwareAuthenticator, type SoftwareAuthenticator } from './testing/softwareAuthenticator.ts';

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

/** Signs up a new user whose first factor is a passkey (made by `authenticator`), signed in. */
export async function signUpWithPasskey(
  call: Call,
  username = 'pat@example.com',
  authenticator = createSoftwareAuthenticator(),
): Promise<PasskeyUser> {
  const init = await call('POST', '/auth/registration/init', {
    orgId: DEFAULT_ORG_ID,
    username,
    registrationCode: 'any',
  });
  expect(init.status).toBe(200);
  const credentialInfo = await authenticator.register({
    challenge: init.body.challenge,
    rpId: 'localhost',
    origin: ORIGIN,
    userId: init.body.user.id,
  });
  const done = await call(
    'POST',
    '/auth/registration/enduser',
    { firstFactorCredential: { credentialKind: 'Fido2', credentialInfo, credentialName: 'Passkey' }, wallets: [] },
    { Authorization: `Bearer ${init.body.temporaryAuthenticationToken}` },
  );
  expect(done.status).toBe(200);
  return {
    authenticator,
    username,
    userId: done.body.user.id,
    token: done.body.authentication.token,
    credentialId: credentialInfo.credId,
    credentialUuid: done.body.credential.uuid,
  };
}

/** `POST /auth/action/init` then `POST /auth/action`, signed by one of the user's passkeys: the answer. */
export async function passkeyUserAction(
  call: Call,
  user: Pick<PasskeyUser, 'token' | 'authenticator'>,
  request: { method: string; path: string; body: string },
  sign: { origin?: string; counter?: number } = {},
) {
  const headers = { Authorization: `Bearer ${user.token}` };
  const challenge = await call(
    'POST',
    '/auth/action/init',
    {
      userActionPayload: request.body,
      userActionHttpMethod: request.method,
      userActionHttpPath: request.path,
      userActionServerKind: 'Api',
    },
    headers,
  );
  expect(challenge.status).toBe(200);
  const credentialAssertion = await user.authenticator.authenticate({
    challenge: challenge.body.challenge,
    rpId: 'localhost',
    origin: sign.origin ?? ORIGIN,
    allowCredentials: challenge.body.allowCredentials.webauthn,
    counter: sign.counter,
  });
  return call(
    'POST',
    '/auth/action',
    { challengeIdentifier: challenge.body.challengeIdentifier, firstFactor: { kind: 'Fido2', credentialAssertion } },
    headers,
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
