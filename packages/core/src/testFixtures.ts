import { createMockBackend, type MockBackendOptions } from '@credkit/mock-backend';
import { createSoftwareAuthenticator } from '@credkit/mock-backend/testing';
import { expect } from 'vitest';
import type { Fido2CredentialChallenge } from './dfns/dfnsTypes.ts';
import { fromBase64url, toBase64url } from './encoding/base64url.ts';
import { CredkitError } from './errors/credkitError.ts';
import { createFetcher, type Fetcher } from './http/fetcher.ts';
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
export function softwareCredentials(origin = 'http://localhost:5173'): CredentialCreator & CredentialGetter {
  const authenticator = createSoftwareAuthenticator();
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
