// Recovery with a host backend, against the verifying mock over HTTP: the backend obtains the recovery
// challenge with its service account (POST /auth/recover/user/delegated { username, credentialId }, no
// e-mailed code) and completes the recovery, with the published @dfns/sdk; the browser side is
// credkit's recoverAccount with challengeSource and completion. The service account's user actions
// are signed by credkit's signUserActionChallenge with its key signer, handed to the SDK as its signer.
import { createPrivateKey } from 'node:crypto';
import { createMockBackend, type MockServer } from '@credkit/mock-backend';
import { TESTING_SERVICE_ACCOUNT } from '@credkit/mock-backend/testing';
import { DfnsApiClient, DfnsDelegatedApiClient } from '@dfns/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import type { RecoverBody } from '../dfns/dfnsTypes.ts';
import { createFetcher, type Fetcher, type FetcherRequest } from '../http/fetcher.ts';
import { generateRecoveryCode } from '../keys/recoveryCode.ts';
import { softwareCredentials, userWithRecoveryKey } from '../testFixtures.ts';
import { createKeyUserActionSigner } from '../userAction/keyUserActionSigner.ts';
import { signUserActionChallenge } from '../userAction/signUserActionChallenge.ts';
import { loginWithPasskey } from './loginWithPasskey.ts';
import { recoverAccount } from './recoverAccount.ts';
import type { RecoveryChallengeContext } from './recoveryChallenge.ts';

const ORIGIN = 'http://localhost:5173';
const ORG = 'or-credk-itmck-0000000000000000';
const USERNAME = 'demo@credkit.dev';
const rp = { id: 'localhost', name: 'credkit' };
// Wrapping and unwrapping run PBKDF2 with 600,000 iterations.
const SLOW = { timeout: 40_000 };

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The demo user with a passkey and a RecoveryKey. */
async function setup() {
  server = await createMockBackend({ origins: [ORIGIN], rpId: 'localhost', userActionSigning: 'off' }).listen({
    port: 0,
  });
  const baseUrl = server.url;
  const demo = createFetcher({ baseUrl, headers: { Authorization: 'Bearer demo-token' } });
  const { recoveryCode, credentialId } = await userWithRecoveryKey(demo);
  return { baseUrl, anonymous: createFetcher({ baseUrl }), recoveryCode, credentialId };
}

/** The mock's testing service account, its key signing through credkit's key signer. */
async function serviceAccountClient(baseUrl: string) {
  const pkcs8 = createPrivateKey(TESTING_SERVICE_ACCOUNT.privateKey).export({ type: 'pkcs8', format: 'der' });
  const privateKey = await crypto.subtle.importKey('pkcs8', pkcs8, { name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
  ]);
  const keySigner = createKeyUserActionSigner({ credId: TESTING_SERVICE_ACCOUNT.credId, privateKey, origin: ORIGIN });
  // The SDK's signer contract: a challenge in, the firstFactor out; credkit validates the challenge first.
  const signer = {
    async sign(challenge: unknown) {
      const { firstFactor } = await signUserActionChallenge(challenge, { signer: keySigner });
      // The SDK's FirstFactorAssertion has no PasswordProtectedKey; this signer makes Key assertions.
      if (firstFactor.kind !== 'Key') throw new Error(`a Key assertion was expected, not ${firstFactor.kind}`);
      return { ...firstFactor, kind: firstFactor.kind };
    },
  };
  return new DfnsApiClient({ baseUrl, authToken: TESTING_SERVICE_ACCOUNT.token, signer });
}

/**
 * The host's backend: it knows its user; the browser tells it which recovery key. `keepsToken`: it
 * relays the challenge without its temporary token and completes with its own copy (a session).
 */
function hostBackend(baseUrl: string, { keepsToken }: { keepsToken: boolean }) {
  let kept: string | undefined;
  return {
    recoveryChallenge: async ({ credentialId }: RecoveryChallengeContext) => {
      const challenge = await (await serviceAccountClient(baseUrl)).auth.createDelegatedRecoveryChallenge({
        body: { username: USERNAME, credentialId },
      });
      if (!keepsToken) return challenge;
      const { temporaryAuthenticationToken, ...relayed } = challenge;
      kept = temporaryAuthenticationToken;
      return relayed;
    },
    // No cast: the kit's RecoverBody is assignable to the SDK's, as the type checker confirms here.
    recover: (body: RecoverBody) =>
      new DfnsDelegatedApiClient({ baseUrl, authToken: kept ?? 'none kept' }).auth.recover({ body }),
  };
}

describe('recoverAccount with a host backend (DfnsDelegatedApiClient) against the mock', () => {
  it(
    'should recover from the backend challenge, with the backend completing, and sign in with the new passkey',
    async () => {
      const { baseUrl, anonymous, recoveryCode, credentialId } = await setup();
      const backend = hostBackend(baseUrl, { keepsToken: true });
      const told: RecoveryChallengeContext[] = [];
      const tokens: (string | undefined)[] = [];
      const newPasskey = softwareCredentials(ORIGIN);
      const recovered = await recoverAccount({
        // No fetcher, orgId, username nor verification code in the browser.
        challengeSource: (context) => {
          told.push(context);
          return backend.recoveryChallenge(context);
        },
        completion: (body, { temporaryAuthenticationToken }) => {
          tokens.push(temporaryAuthenticationToken);
          return backend.recover(body);
        },
        credentialId,
        recoveryCode,
        rp,
        credentialName: 'New phone',
        newRecoveryKey: { recoveryCode: generateRecoveryCode() },
        credentials: newPasskey,
        origin: ORIGIN,
      });

      expect(told).toEqual([{ credentialId }]);
      // The backend kept the token: the page never had it.
      expect(tokens).toEqual([undefined]);
      expect(recovered).toMatchObject({
        credential: { kind: 'Fido2', name: 'New phone' },
        user: { username: USERNAME },
        recoveryKey: { name: 'Recovery key' },
      });
      await expect(
        loginWithPasskey({ fetcher: anonymous, orgId: ORG, rpId: 'localhost', credentials: newPasskey }),
      ).resolves.toMatchObject({ token: expect.any(String) });
    },
    SLOW.timeout,
  );

  it(
    'should post the recovery itself under the temporary token when the backend only gives the challenge',
    async () => {
      const { baseUrl, recoveryCode, credentialId } = await setup();
      const sent: FetcherRequest[] = [];
      const http = createFetcher({ baseUrl });
      const fetcher: Fetcher = (request) => {
        sent.push(request);
        return http(request);
      };
      const recovered = await recoverAccount({
        fetcher,
        challengeSource: hostBackend(baseUrl, { keepsToken: false }).recoveryChallenge,
        credentialId,
        recoveryCode,
        rp,
        credentials: softwareCredentials(ORIGIN),
        origin: ORIGIN,
      });
      expect(recovered.user.username).toBe(USERNAME);
      expect(sent.map(({ method, path }) => `${method} ${path}`)).toEqual(['POST /auth/recover/user']);
      expect(sent[0]?.headers?.Authorization).toMatch(/^Bearer .+/);
    },
    SLOW.timeout,
  );
});
