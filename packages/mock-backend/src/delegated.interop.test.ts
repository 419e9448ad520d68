// Interop of the delegated flows with the published Dfns SDK, unchanged: only baseUrl points at the
// mock. An app's backend holds the service account (its token, and @dfns/sdk-keysigner's
// AsymmetricKeySigner over its key): it registers end users (createDelegatedRegistrationChallenge, then
// registerEndUser under the temporary token), logs them in (delegatedLogin), and starts recoveries
// (createDelegatedRecoveryChallenge, then recover). With the user's token, DfnsDelegatedApiClient's
// Init/Complete pairs get user-action challenges the user signs (the browser's part in a real app).
import { generateKeyPairSync } from 'node:crypto';
import { DfnsApiClient, DfnsDelegatedApiClient, DfnsError } from '@dfns/sdk';
import { AsymmetricKeySigner } from '@dfns/sdk-keysigner';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ORG_ID, type MockBackendOptions } from './config.ts';
import { createMockBackend } from './createMockBackend.ts';
import { credkitRecoveryKey, sdkKeyCredential, unwrap } from './testFixtures.ts';
import { newPasskeyCredentials, newPasskeyFor, ORIGIN, recoveryAssertion } from './testHelpers.ts';
import { TESTING_SERVICE_ACCOUNT } from './testing/testingServiceAccount.ts';

/** The app backend's client: the service account's token, its key signing its user actions. */
function serviceAccountClient(baseUrl: string, account = TESTING_SERVICE_ACCOUNT) {
  const signer = new AsymmetricKeySigner({ credId: account.credId, privateKey: account.privateKey });
  return new DfnsApiClient({ baseUrl, authToken: account.token, signer });
}

async function withMock(test: (baseUrl: string) => Promise<void>, options: MockBackendOptions = {}) {
  const server = await createMockBackend({ origins: [ORIGIN], ...options }).listen({ port: 0 });
  try {
    await test(server.url);
  } finally {
    await server.close();
  }
}

/** Registers `email` through the service account, with a Key first factor made by the SDKs. */
async function delegatedKeyUser(baseUrl: string, email: string) {
  const challenge = await serviceAccountClient(baseUrl).auth.createDelegatedRegistrationChallenge({
    body: { kind: 'EndUser', email },
  });
  const first = await sdkKeyCredential(challenge);
  const registering = new DfnsApiClient({ baseUrl, authToken: challenge.temporaryAuthenticationToken });
  const registered = await registering.auth.registerEndUser({
    body: { firstFactorCredential: { ...first.credential, credentialName: 'First key' }, wallets: [] } as never,
  });
  expect(registered.user).toEqual({ id: challenge.user.id, username: email, orgId: DEFAULT_ORG_ID });
  return { userId: challenge.user.id, signer: first.signer };
}

/**
 * `POST /auth/credentials` through DfnsDelegatedApiClient: the Init answers the user-action challenge,
 * `signChallenge` signs it as the user's browser would, the Complete sends `{ challengeIdentifier, firstFactor }`.
 */
async function createCredentialDelegated(
  user: DfnsDelegatedApiClient,
  body: Record<string, unknown>,
  signChallenge: (
    challenge: Awaited<ReturnType<DfnsDelegatedApiClient['auth']['createCredentialInit']>>,
  ) => Promise<unknown>,
) {
  const request = { body: body as never };
  const challenge = await user.auth.createCredentialInit(request);
  const firstFactor = await signChallenge(challenge);
  return user.auth.createCredentialComplete(request, {
    challengeIdentifier: challenge.challengeIdentifier,
    firstFactor: firstFactor as never,
  });
}

describe('the delegated flows through the published @dfns/sdk', () => {
  it(
    'should register an end user by the service account, log them in delegated, and add a key with DfnsDelegatedApiClient',
    { timeout: 30_000 },
    () =>
      withMock(async (baseUrl) => {
        const email = 'delegated@example.com';
        const { userId, signer } = await delegatedKeyUser(baseUrl, email);
        const { token } = await serviceAccountClient(baseUrl).auth.delegatedLogin({ body: { username: email } });

        const user = new DfnsDelegatedApiClient({ baseUrl, authToken: token });
        const challenge = await user.auth.createCredentialChallenge({ body: { kind: 'Key' } as never });
        const second = await sdkKeyCredential(challenge as { challenge: string });
        const created = await createCredentialDelegated(
          user,
          {
            credentialKind: 'Key',
            credentialInfo: second.credential.credentialInfo,
            credentialName: 'Second key',
            challengeIdentifier: (challenge as { challengeIdentifier: string }).challengeIdentifier,
          },
          (actionChallenge) => signer.sign(actionChallenge),
        );
        expect(created).toMatchObject({ kind: 'Key', name: 'Second key', isActive: true });
        const list = await user.auth.listCredentials();
        expect(list.items.map(({ kind, name }) => `${kind} ${name}`)).toEqual(['Key First key', 'Key Second key']);
        expect(JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString())).toMatchObject({
          sub: userId,
          'https://custom/app_metadata': { orgId: DEFAULT_ORG_ID, tokenKind: 'EndUser' },
        });

        // The user's own token, signed by the user's own key, may not log anyone in.
        const asUser = new DfnsApiClient({ baseUrl, authToken: token, signer });
        const refused = await asUser.auth
          .delegatedLogin({ body: { username: email } })
          .catch((error: unknown) => error);
        expect(refused).toBeInstanceOf(DfnsError);
        expect(refused).toMatchObject({ httpStatus: 403 });
      }),
  );

  it(
    "should recover an end user from a delegated recovery challenge with a credkit RecoveryKey, ending the delegated login's token",
    { timeout: 60_000 },
    () =>
      withMock(async (baseUrl) => {
        const email = 'delegated-recovery@example.com';
        const recoveryCode = 'D1-7H2QK-M9XTE-0RB4W-1ZZZZ-ABCDE-FGHJK';
        const { userId, signer } = await delegatedKeyUser(baseUrl, email);
        const serviceAccount = serviceAccountClient(baseUrl);
        const { token } = await serviceAccount.auth.delegatedLogin({ body: { username: email } });
        const user = new DfnsDelegatedApiClient({ baseUrl, authToken: token });

        // The RecoveryKey, made as credkit makes it, registered with the user's signature.
        const challenge = (await user.auth.createCredentialChallenge({ body: { kind: 'RecoveryKey' } as never })) as {
          challenge: string;
          challengeIdentifier: string;
        };
        const recoveryKey = await credkitRecoveryKey(challenge.challenge, recoveryCode);
        await createCredentialDelegated(
          user,
          {
            credentialKind: 'RecoveryKey',
            credentialName: 'Recovery key',
            challengeIdentifier: challenge.challengeIdentifier,
            ...recoveryKey,
          },
          (actionChallenge) => signer.sign(actionChallenge),
        );

        // Lost every device: the app has checked who the user is, its service account starts the recovery.
        const init = await serviceAccount.auth.createDelegatedRecoveryChallenge({
          body: { username: email, credentialId: recoveryKey.credentialInfo.credId },
        });
        expect(init.user.id).toBe(userId);
        expect(init.allowedRecoveryCredentials).toEqual([
          { id: recoveryKey.credentialInfo.credId, encryptedRecoveryKey: recoveryKey.encryptedPrivateKey },
        ]);
        const privateKey = await unwrap(init.allowedRecoveryCredentials[0]?.encryptedRecoveryKey ?? '', recoveryCode);
        const { newCredentials } = await newPasskeyCredentials(init);
        const recovering = new DfnsApiClient({ baseUrl, authToken: init.temporaryAuthenticationToken });
        const recovered = await recovering.auth.recover({
          body: {
            recovery: recoveryAssertion(privateKey, recoveryKey.credentialInfo.credId, newCredentials) as never,
            newCredentials,
          },
        });
        expect(recovered).toMatchObject({ credential: { kind: 'Fido2', name: 'New passkey' }, user: { id: userId } });

        const ended = await user.auth.listCredentials().catch((error: unknown) => error);
        expect(ended).toBeInstanceOf(DfnsError);
        expect(ended).toMatchObject({ httpStatus: 401 });
        const again = await serviceAccount.auth.delegatedLogin({ body: { username: email } });
        const list = await new DfnsDelegatedApiClient({ baseUrl, authToken: again.token }).auth.listCredentials();
        expect(list.items.map(({ kind, name }) => `${kind} ${name}`)).toEqual(['Fido2 New passkey']);
      }),
  );

  it(
    "should answer the delegated routes through DfnsDelegatedApiClient's Init/Complete pairs, signed by the service account's key",
    { timeout: 30_000 },
    () =>
      withMock(async (baseUrl) => {
        const email = 'init-complete@example.com';
        const account = new DfnsDelegatedApiClient({ baseUrl, authToken: TESTING_SERVICE_ACCOUNT.token });
        const signer = new AsymmetricKeySigner(TESTING_SERVICE_ACCOUNT);
        const signed = async (challenge: Awaited<ReturnType<typeof account.auth.delegatedLoginInit>>) => ({
          challengeIdentifier: challenge.challengeIdentifier,
          firstFactor: await signer.sign(challenge),
        });

        const registration = { body: { kind: 'EndUser' as const, email, externalId: 'app-7' } };
        const challenge = await account.auth.createDelegatedRegistrationChallengeComplete(
          registration,
          await signed(await account.auth.createDelegatedRegistrationChallengeInit(registration)),
        );
        // A passkey this time: a software authenticator answers the challenge as a browser would.
        const { authenticator, credentialInfo } = await newPasskeyFor(challenge);
        const registering = new DfnsApiClient({ baseUrl, authToken: challenge.temporaryAuthenticationToken });
        await registering.auth.registerEndUser({
          body: {
            firstFactorCredential: { credentialKind: 'Fido2', credentialInfo, credentialName: 'Passkey' },
            wallets: [],
          } as never,
        });

        const login = { body: { username: email } };
        const { token } = await account.auth.delegatedLoginComplete(
          login,
          await signed(await account.auth.delegatedLoginInit(login)),
        );
        const user = new DfnsDelegatedApiClient({ baseUrl, authToken: token });

        // The user's passkey signs the RecoveryKey's creation, as the browser would with WebAuthn.
        const keyChallenge = (await user.auth.createCredentialChallenge({
          body: { kind: 'RecoveryKey' } as never,
        })) as {
          challenge: string;
          challengeIdentifier: string;
        };
        const recoveryKey = await credkitRecoveryKey(keyChallenge.challenge, 'RECOVERY-CODE');
        await createCredentialDelegated(
          user,
          {
            credentialKind: 'RecoveryKey',
            credentialName: 'Recovery key',
            challengeIdentifier: keyChallenge.challengeIdentifier,
            ...recoveryKey,
          },
          async (actionChallenge) => ({
            kind: 'Fido2',
            credentialAssertion: await authenticator.authenticate({
              challenge: actionChallenge.challenge,
              rpId: 'localhost',
              origin: ORIGIN,
              allowCredentials: actionChallenge.allowCredentials.webauthn,
            }),
          }),
        );

        const recovery = { body: { username: email, credentialId: recoveryKey.credentialInfo.credId } };
        const recoveryChallenge = await account.auth.createDelegatedRecoveryChallengeComplete(
          recovery,
          await signed(await account.auth.createDelegatedRecoveryChallengeInit(recovery)),
        );
        expect(recoveryChallenge.allowedRecoveryCredentials).toEqual([
          { id: recoveryKey.credentialInfo.credId, encryptedRecoveryKey: recoveryKey.encryptedPrivateKey },
        ]);
        expect(recoveryChallenge.excludeCredentials).toEqual([{ type: 'public-key', id: credentialInfo.credId }]);
      }),
  );

  it('should take a service account whose key is Ed25519, signing as AsymmetricKeySigner does with one', {
    timeout: 30_000,
  }, async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const account = {
      token: 'ed25519-service-account',
      credId: 'ZWQyNTUxOS1zZXJ2aWNlLWFjY291bnQ',
      publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    };
    await withMock(
      async (baseUrl) => {
        const { token } = await serviceAccountClient(baseUrl, account).auth.delegatedLogin({
          body: { username: 'demo@credkit.dev' },
        });
        const me = await fetch(`${baseUrl}/auth/users/me`, { headers: { Authorization: `Bearer ${token}` } });
        expect(await me.json()).toMatchObject({ username: 'demo@credkit.dev', kind: 'EndUser' });
        // Another key (the testing service account's P-256 one) signs nothing for this credential.
        const forged = { ...account, privateKey: TESTING_SERVICE_ACCOUNT.privateKey };
        const refused = await serviceAccountClient(baseUrl, forged)
          .auth.delegatedLogin({ body: { username: 'demo@credkit.dev' } })
          .catch((error: unknown) => error);
        expect(refused).toBeInstanceOf(DfnsError);
        expect(refused).toMatchObject({ httpStatus: 400, message: expect.stringMatching(/signature does not verify/) });
      },
      { serviceAccount: account },
    );
  });
});
