// The delegated topology end to end, against the verifying mock over HTTP: a tiny "host backend"
// holds the user's Dfns token and talks to Dfns with the published @dfns/sdk's DfnsDelegatedApiClient
// (createCredentialChallenge, createCredentialInit / createCredentialComplete); the browser side is
// credkit's registerPasskey with challengeSource and completion, and signUserActionChallenge with the
// user's existing Key. The browser never holds the token.
import { createMockBackend, type MockServer } from '@credkit/mock-backend';
import { DfnsDelegatedApiClient } from '@dfns/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import type { CreateCredentialBody } from '../dfns/dfnsTypes.ts';
import { createFetcher } from '../http/fetcher.ts';
import { credkitRejection, signUpWithKey, softwareCredentials } from '../testFixtures.ts';
import { createKeyUserActionSigner } from '../userAction/keyUserActionSigner.ts';
import { signUserActionChallenge } from '../userAction/signUserActionChallenge.ts';
import type { HostCallContext } from './hostBackend.ts';
import { listCredentials } from './listCredentials.ts';
import { registerPasskey } from './registerPasskey.ts';

const ORIGIN = 'http://localhost:5173';
const rp = { id: 'localhost', name: 'credkit' };
const SLOW = { timeout: 30_000 };

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The mock over HTTP (the SDK makes real requests), with user-action signing required, as at Dfns. */
async function serve() {
  server = await createMockBackend({ origins: [ORIGIN] }).listen({ port: 0 });
  return server.url;
}

/** A user signed up with a Key; the host backend keeps the token, the browser keeps the key. */
async function signedUpUser(baseUrl: string) {
  const asUser = (token: string) => createFetcher({ baseUrl, headers: { Authorization: `Bearer ${token}` } });
  const { token, keyId, privateKey } = await signUpWithKey(createFetcher({ baseUrl }), asUser);
  const signer = createKeyUserActionSigner({ credId: keyId, privateKey, origin: ORIGIN });
  return { token, asUser: asUser(token), signer };
}

/**
 * The host's backend, as Dfns's delegated example writes it: two routes in front of the SDK. The
 * user-action challenge goes to the browser and comes back signed (here a function call stands in
 * for that round trip).
 */
function hostBackend(baseUrl: string, token: string, signInBrowser: (challenge: unknown) => Promise<unknown>) {
  const dfns = new DfnsDelegatedApiClient({ baseUrl, authToken: token });
  return {
    credentialChallenge: () => dfns.auth.createCredentialChallenge({ body: { kind: 'Fido2' } }),
    async completeCredential(body: CreateCredentialBody) {
      // `as never` here and below: the kit's CreateCredentialBody types the key kinds as one member
      // (encryptedPrivateKey optional), the SDK's one per kind; the JSON is the same.
      const request = { body } as never;
      const userActionChallenge = await dfns.auth.createCredentialInit(request);
      const signedChallenge = await signInBrowser(userActionChallenge);
      return dfns.auth.createCredentialComplete(request, signedChallenge as never);
    },
  };
}

describe('registerPasskey with a host backend (DfnsDelegatedApiClient) against the mock', () => {
  it(
    'should add a passkey: challenge and completion by the backend, the user action signed in the browser',
    async () => {
      const baseUrl = await serve();
      const { token, asUser, signer } = await signedUpUser(baseUrl);
      const signals: (AbortSignal | undefined)[] = [];
      const bodies: CreateCredentialBody[] = [];
      const backend = hostBackend(baseUrl, token, (challenge) => signUserActionChallenge(challenge, { signer }));
      const controller = new AbortController();
      const phases: string[] = [];

      const created = await registerPasskey({
        // No fetcher: the browser never talks to Dfns, nor holds the token.
        challengeSource: ({ signal }: HostCallContext) => {
          signals.push(signal);
          return backend.credentialChallenge();
        },
        completion: (body, { signal }) => {
          signals.push(signal);
          bodies.push(body);
          return backend.completeCredential(body);
        },
        rp,
        credentialName: 'Phone',
        credentials: softwareCredentials(ORIGIN),
        signal: controller.signal,
        onPhase: (phase) => phases.push(phase),
      });

      expect(created).toMatchObject({ kind: 'Fido2', name: 'Phone', relyingPartyId: 'localhost' });
      expect(phases).toEqual(['challenge', 'ceremony', 'submitting']);
      expect(signals).toEqual([controller.signal, controller.signal]);
      expect(Object.keys(bodies[0] ?? {})).toEqual([
        'credentialKind',
        'credentialInfo',
        'credentialName',
        'challengeIdentifier',
      ]);
      const listed = await listCredentials(asUser);
      expect(listed.map(({ kind, name }) => `${kind} ${name}`)).toEqual(['Key First key', 'Fido2 Phone']);
    },
    SLOW.timeout,
  );

  it(
    "should surface Dfns's refusal, through the SDK's DfnsError, as the kit's own error of the completion",
    async () => {
      const baseUrl = await serve();
      const { token, signer } = await signedUpUser(baseUrl);
      const dfns = new DfnsDelegatedApiClient({ baseUrl, authToken: token });
      const error = await credkitRejection(
        registerPasskey({
          challengeSource: () => dfns.auth.createCredentialChallenge({ body: { kind: 'Fido2' } }),
          // A backend that changes the body after the person signed it: the user action no longer covers it.
          async completion(body) {
            const challenge = await dfns.auth.createCredentialInit({ body } as never);
            const signed = await signUserActionChallenge(challenge, { signer });
            // `as never`: the SDK's 0.8 types know no PasswordProtectedKey assertion; the kit's include it.
            return dfns.auth.createCredentialComplete(
              { body: { ...body, credentialName: 'Other' } } as never,
              signed as never,
            );
          },
          rp,
          credentialName: 'Phone',
          credentials: softwareCredentials(ORIGIN),
        }),
      );
      expect([error.code, error.phase, error.status]).toEqual(['forbidden', 'submitting', 403]);
      expect(error.serverMessage).toBeTruthy();
    },
    SLOW.timeout,
  );
});
