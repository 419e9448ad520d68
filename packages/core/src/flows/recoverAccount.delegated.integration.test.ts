// Recovery with a host backend, against the verifying mock over HTTP: the backend obtains the recovery
// challenge and completes the recovery with the published @dfns/sdk's DfnsDelegatedApiClient; the
// browser side is credkit's recoverAccount with challengeSource and completion.
// The backend calls POST /auth/recover/user/init with the e-mailed code for now: the delegated route,
// POST /auth/recover/user/delegated { username, credentialId }, answers the same shape without a code.
import { createMockBackend, type MockServer, type VerificationCodeMail } from '@credkit/mock-backend';
import { DfnsDelegatedApiClient } from '@dfns/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import type { RecoverBody } from '../dfns/dfnsTypes.ts';
import { createFetcher, type Fetcher, type FetcherRequest } from '../http/fetcher.ts';
import { generateRecoveryCode } from '../keys/recoveryCode.ts';
import { softwareCredentials, userWithRecoveryKey } from '../testFixtures.ts';
import { loginWithPasskey } from './loginWithPasskey.ts';
import { recoverAccount, sendRecoveryCode } from './recoverAccount.ts';
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

/** The demo user with a passkey and a RecoveryKey, and a pending e-mailed code for the backend. */
async function setup() {
  const mails: VerificationCodeMail[] = [];
  server = await createMockBackend({
    origins: [ORIGIN],
    rpId: 'localhost',
    userActionSigning: 'off',
    onVerificationCode: (mail) => mails.push(mail),
  }).listen({ port: 0 });
  const baseUrl = server.url;
  const demo = createFetcher({ baseUrl, headers: { Authorization: 'Bearer demo-token' } });
  const { recoveryCode, credentialId } = await userWithRecoveryKey(demo);
  const anonymous = createFetcher({ baseUrl });
  await sendRecoveryCode({ fetcher: anonymous, orgId: ORG, username: USERNAME });
  const verificationCode = mails.at(-1)?.verificationCode ?? '';
  return { baseUrl, anonymous, recoveryCode, credentialId, verificationCode };
}

/** The host's backend: it knows its user; the browser tells it which recovery key. */
function hostBackend(baseUrl: string, verificationCode: string) {
  return {
    recoveryChallenge: ({ credentialId }: RecoveryChallengeContext) =>
      new DfnsDelegatedApiClient({ baseUrl }).auth.createRecoveryChallenge({
        body: { username: USERNAME, verificationCode, orgId: ORG, credentialId },
      }),
    // No cast: the kit's RecoverBody is assignable to the SDK's, as the type checker confirms here.
    recover: (body: RecoverBody, temporaryAuthenticationToken: string) =>
      new DfnsDelegatedApiClient({ baseUrl, authToken: temporaryAuthenticationToken }).auth.recover({
        body,
      }),
  };
}

describe('recoverAccount with a host backend (DfnsDelegatedApiClient) against the mock', () => {
  it(
    'should recover from the backend challenge, with the backend completing, and sign in with the new passkey',
    async () => {
      const { baseUrl, anonymous, recoveryCode, credentialId, verificationCode } = await setup();
      const backend = hostBackend(baseUrl, verificationCode);
      const told: RecoveryChallengeContext[] = [];
      const tokens: string[] = [];
      const newPasskey = softwareCredentials(ORIGIN);
      const recovered = await recoverAccount({
        // No fetcher, orgId, username nor verification code in the browser.
        challengeSource: (context) => {
          told.push(context);
          return backend.recoveryChallenge(context);
        },
        completion: (body, { temporaryAuthenticationToken }) => {
          tokens.push(temporaryAuthenticationToken);
          return backend.recover(body, temporaryAuthenticationToken);
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
      expect(tokens).toHaveLength(1);
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
      const { baseUrl, recoveryCode, credentialId, verificationCode } = await setup();
      const sent: FetcherRequest[] = [];
      const http = createFetcher({ baseUrl });
      const fetcher: Fetcher = (request) => {
        sent.push(request);
        return http(request);
      };
      const recovered = await recoverAccount({
        fetcher,
        challengeSource: hostBackend(baseUrl, verificationCode).recoveryChallenge,
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
