import { createMockBackend, DEFAULT_ORG_ID, type MockBackendOptions } from '@credkit/mock-backend';
import { createSoftwareAuthenticator } from '@credkit/mock-backend/testing';
import { expect, vi } from 'vitest';
import type { CreateCredentialResponse, Fido2CredentialChallenge } from './dfns/dfnsTypes.ts';
import { fromBase64url, toBase64url } from './encoding/base64url.ts';
import { CredkitError } from './errors/credkitError.ts';
import { listCredentials } from './flows/listCredentials.ts';
import { registerKeyCredential } from './flows/registerKeyCredential.ts';
import { registerPasskey } from './flows/registerPasskey.ts';
import { registerUser } from './flows/registerUser.ts';
import { createFetcher, type Fetcher, type FetcherRequest } from './http/fetcher.ts';
import { generateRecoveryCode } from './keys/recoveryCode.ts';
import type { CredentialGetter } from './webauthn/browserGet.ts';
import type { CredentialCreator } from './webauthn/webAuthnSupport.ts';

/** A Fido2 challenge as the Dfns API sends it (shape of the contract; values invented). Test-only. */
export function fido2ChallengeFixture(overrides: Partial<Fido2CredentialChallenge> = {}): Fido2CredentialChallenge {
  return {
    kind: 'Fido2',
    user: { id: 'us-2ba0h-5gm9s-9lqqv3mcj4r2a1hn', displayName: 'Ada Lovelace', name: 'ada@example.com' },
    challengeIdentifier: 'eyJ0eXAiOiJKV1QifQ.challenge-identifier',
    challenge: '1c42f9a4404b77a51a7698405b9e48cda86b497e639198f2071f0cc982d9c650',
    rp: { id: 'dfns.ninja', name: 'Dfns' },
    authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification: 'required' },
    attestation: 'direct',
    pubKeyCredParams: [
      { type: 'public-key', alg: -7 },
      { type: 'public-key', alg: -257 },
    ],
    excludeCredentials: [{ type: 'public-key', id: 'c1QEdgnPLJargwzy3cbYKny4Q18u0hr97unXsF3DiE8' }],
    temporaryAuthenticationToken: 'eyJ0eXAiOiJKV1QifQ.challenge-identifier',
    ...overrides,
  };
}

/** The credential a Dfns server answers `POST /auth/credentials` with (values invented). Test-only. */
export const createdCredentialFixture: CreateCredentialResponse = {
  kind: 'Fido2',
  credentialId: 'AQID',
  credentialUuid: 'cr-1',
  dateCreated: '2026-11-24T00:00:00.000Z',
  isActive: true,
  name: 'Laptop',
  publicKey: '-----BEGIN PUBLIC KEY-----',
  relyingPartyId: 'localhost',
  origin: 'http://localhost:5173',
};

/**
 * A fetcher that records each request and answers `POST /auth/credentials/init` and `/auth/credentials`
 * with the fixtures, or as `answers` says per path. Test-only.
 */
export function recordingFetcher(answers: Partial<Record<string, (request: FetcherRequest) => unknown>> = {}) {
  const requests: FetcherRequest[] = [];
  const fetcher: Fetcher = async (request) => {
    requests.push(request);
    const answer = answers[request.path];
    if (answer) return answer(request);
    if (request.path === '/auth/credentials/init') return fido2ChallengeFixture();
    if (request.path === '/auth/credentials') return createdCredentialFixture;
    throw new Error(`unexpected ${request.path}`);
  };
  return { fetcher, requests };
}

/** A `navigator.credentials` whose `create` answers the same well-formed passkey every time (or as given). Test-only. */
export function fakeCredentials(create?: (options: CredentialCreationOptions) => Promise<Credential | null>) {
  const buffer = (text: string) => new TextEncoder().encode(text).buffer;
  const creator: CredentialCreator = {
    create: vi.fn(
      create ??
        (async () =>
          ({
            id: 'AQID',
            rawId: new Uint8Array([1, 2, 3]).buffer,
            type: 'public-key',
            response: { clientDataJSON: buffer('{"type":"webauthn.create"}'), attestationObject: buffer('cbor') },
          }) as unknown as Credential),
    ),
  };
  return creator;
}

/** Waits for `promise` to reject and checks that it rejected with a CredkitError. Test-only. */
export async function credkitRejection(promise: Promise<unknown>): Promise<CredkitError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(CredkitError);
  return error as CredkitError;
}

/**
 * `navigator.credentials` for Node tests: the mock's software authenticator makes real passkeys
 * (`create`) and signs with them (`get`), as a browser at `origin` would. Test-only.
 */
export function softwareCredentials(
  origin = 'http://localhost:5173',
  aaguid?: string,
): CredentialCreator & CredentialGetter {
  const authenticator = createSoftwareAuthenticator({ aaguid });
  const buffer = (base64url: string) => fromBase64url(base64url).buffer;
  return {
    async create(options) {
      const publicKey = options.publicKey as PublicKeyCredentialCreationOptions;
      // The authenticator is given the string the kit put into the challenge bytes.
      const challenge = new TextDecoder().decode(publicKey.challenge as Uint8Array);
      const info = await authenticator.register({ challenge, rpId: publicKey.rp.id ?? 'localhost', origin });
      return {
        id: info.credId,
        type: 'public-key',
        rawId: buffer(info.credId),
        response: { clientDataJSON: buffer(info.clientData), attestationObject: buffer(info.attestationData) },
      } as unknown as Credential;
    },
    async get(options) {
      const publicKey = options.publicKey as PublicKeyCredentialRequestOptions;
      const assertion = await authenticator.authenticate({
        challenge: new TextDecoder().decode(publicKey.challenge as Uint8Array),
        rpId: publicKey.rpId ?? 'localhost',
        origin,
        allowCredentials: (publicKey.allowCredentials ?? []).map(({ id }) => ({ id: toBase64url(id) })),
      });
      return {
        id: assertion.credId,
        type: 'public-key',
        rawId: buffer(assertion.credId),
        response: {
          clientDataJSON: buffer(assertion.clientData),
          authenticatorData: buffer(assertion.authenticatorData),
          signature: buffer(assertion.signature),
          userHandle: assertion.userHandle ? buffer(assertion.userHandle) : null,
        },
      } as unknown as Credential;
    },
  };
}

const MOCK_ORIGIN = 'http://localhost:5173';
const MOCK_RP = { id: 'localhost', name: 'credkit' };

/**
 * A user of the mock signed up with a Key (`registerUser`) as ada@example.com: `withToken` makes the
 * fetcher that carries their token; the key's id and private key sign their user actions. Test-only.
 */
export async function signUpWithKey(fetcher: Fetcher, withToken: (token: string) => Fetcher) {
  const registration = await registerUser({
    fetcher,
    orgId: DEFAULT_ORG_ID,
    username: 'ada@example.com',
    registrationCode: '123456',
    kind: 'Key',
    rp: MOCK_RP,
    credentialName: 'First key',
    origin: MOCK_ORIGIN,
  });
  // The kit's own completion: Dfns's answer carries the new user's token.
  const token = registration.token;
  if (token === undefined) throw new Error('The kit completed the sign-up, yet the answer has no token');
  const keyId = (await listCredentials(withToken(token)))[0]?.credentialId ?? '';
  const privateKey = registration.keyPair?.privateKey as CryptoKey;
  return { registration, token, keyId, privateKey };
}

/**
 * A passkey and a RecoveryKey registered through `fetcher` (the mock's demo token): the recovery key's
 * id and code, as the person keeps them. Test-only.
 */
export async function userWithRecoveryKey(fetcher: Fetcher) {
  const lostPasskey = softwareCredentials(MOCK_ORIGIN);
  await registerPasskey({ fetcher, rp: MOCK_RP, credentialName: 'Lost laptop', credentials: lostPasskey });
  const recoveryCode = generateRecoveryCode();
  const { credential } = await registerKeyCredential({
    fetcher,
    kind: 'RecoveryKey',
    credentialName: 'Recovery key',
    recoveryCode,
    origin: MOCK_ORIGIN,
  });
  return { lostPasskey, recoveryCode, credentialId: credential.credentialId };
}

/**
 * The verifying mock backend in this process, and fetchers onto it: `fetcherWith(token)` sends
 * `Authorization: Bearer <token>`, `anonymous` nothing. Test-only.
 */
export function inProcessMock(options: MockBackendOptions) {
  const backend = createMockBackend(options);
  const fetcherWith = (token?: string): Fetcher =>
    createFetcher({
      baseUrl: 'http://mock.test',
      headers: token ? { Authorization: `Bearer ${token}` } : {},
      fetch: (input, init) => backend.fetch(new Request(input, init)),
    });
  return { backend, fetcherWith, anonymous: fetcherWith() };
}
