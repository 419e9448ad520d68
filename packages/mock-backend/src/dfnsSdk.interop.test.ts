// Interop with the published Dfns SDK, unchanged: only baseUrl points at the mock. The SDK registers a
// user with a Key (@dfns/sdk-browser BrowserKeySigner), then creates a second credential through
// createCredentialChallenge + createCredential, its own user-action signing (@dfns/sdk-keysigner)
// running against the mock, and lists both; then it adds a passkey with a one-time code, logs in
// with it, deactivates and activates it, and logs in with the key, all through DfnsApiClient; and it
// recovers a user with a RecoveryKey made as credkit makes them (sendRecoveryCode, createRecoveryChallenge, recover).
import { sign } from 'node:crypto';
import { DfnsApiClient, DfnsError } from '@dfns/sdk';
import type { AsymmetricKeySigner } from '@dfns/sdk-keysigner';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ORG_ID, type VerificationCodeMail } from './config.ts';
import { createMockBackend } from './createMockBackend.ts';
import { credkitRecoveryKey, sdkKeyCredential, unwrap } from './testFixtures.ts';
import { newPasskey, newPasskeyCredentials, ORIGIN } from './testHelpers.ts';

/** Signs a user up through the SDK with a Key first factor; their token and the SDK's signer for that key. */
async function registerKeyUser(baseUrl: string, username: string) {
  const anonymous = new DfnsApiClient({ baseUrl, orgId: DEFAULT_ORG_ID } as never);
  const registration = await anonymous.auth.createRegistrationChallenge({
    body: { orgId: DEFAULT_ORG_ID, username, registrationCode: '000000' },
  });
  const first = await sdkKeyCredential(registration);
  const registering = new DfnsApiClient({ baseUrl, authToken: registration.temporaryAuthenticationToken } as never);
  const registered = await registering.auth.registerEndUser({
    body: { firstFactorCredential: { ...first.credential, credentialName: 'SDK key' }, wallets: [] } as never,
  });
  expect(registered.user.username).toBe(username);
  return { anonymous, token: registered.authentication.token, signer: first.signer };
}

/** A client of the mock signed in with `token`, signing user actions with `signer`. */
function signedInClient(baseUrl: string, token: string, signer: AsymmetricKeySigner) {
  return new DfnsApiClient({ baseUrl, orgId: DEFAULT_ORG_ID, authToken: token, signer } as never);
}

async function withMock(test: (baseUrl: string) => Promise<void>) {
  const server = await createMockBackend({ origins: [ORIGIN] }).listen({ port: 0 });
  try {
    await test(server.url);
  } finally {
    await server.close();
  }
}

describe('the published @dfns/sdk against the mock', () => {
  it(
    'should register a user, add a second credential with user-action signing, and list both',
    {
      timeout: 30_000,
    },
    () =>
      withMock(async (baseUrl) => {
        const { token, signer } = await registerKeyUser(baseUrl, 'sdk@example.com');
        const client = signedInClient(baseUrl, token, signer);
        const challenge = await client.auth.createCredentialChallenge({ body: { kind: 'Key' } as never });
        const second = await sdkKeyCredential(challenge as { challenge: string });
        const created = await client.auth.createCredential({
          body: {
            credentialKind: 'Key',
            credentialInfo: second.credential.credentialInfo,
            credentialName: 'SDK key 2',
            challengeIdentifier: (challenge as { challengeIdentifier: string }).challengeIdentifier,
          } as never,
        });
        expect(created).toMatchObject({ kind: 'Key', name: 'SDK key 2' });

        const list = (await client.auth.listCredentials()) as { items: { name: string; kind: string }[] };
        expect(list.items.map(({ name, kind }) => `${kind} ${name}`)).toEqual(['Key SDK key', 'Key SDK key 2']);
      }),
  );

  it(
    'should add a passkey with a code, log in with it, deactivate and activate it, and log in with the key',
    {
      timeout: 30_000,
    },
    () =>
      withMock(async (baseUrl) => {
        const username = 'sdk-code@example.com';
        const { anonymous, token, signer } = await registerKeyUser(baseUrl, username);
        const client = signedInClient(baseUrl, token, signer);

        // Device 1, signed in: a one-time code (user-action signed by the SDK's key signer).
        const { code, expiration } = await client.auth.createCredentialCode({
          body: { expiration: new Date(Date.now() + 50_000).toISOString() },
        });
        expect(code).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}-[A-Z0-9]{3}$/);
        expect(Date.parse(expiration)).toBeGreaterThan(Date.now());

        // Device 2, no token and no credential: a passkey for that user, with the code.
        const challenge = await anonymous.auth.createCredentialChallengeWithCode({
          body: { code, credentialKind: 'Fido2' },
        });
        if (challenge.kind !== 'Fido2') throw new Error(`a Fido2 challenge was expected, got ${challenge.kind}`);
        expect(challenge.user.name).toBe(username);
        const { authenticator, credentialInfo } = await newPasskey(challenge);
        const passkey = await anonymous.auth.createCredentialWithCode({
          body: {
            credentialKind: 'Fido2',
            credentialInfo,
            credentialName: 'Phone',
            challengeIdentifier: challenge.challengeIdentifier,
          },
        });
        expect(passkey).toMatchObject({ kind: 'Fido2', name: 'Phone', isActive: true });

        const loginWithPasskey = async () => {
          const login = await anonymous.auth.createLoginChallenge({ body: { username, orgId: DEFAULT_ORG_ID } });
          const credentialAssertion = await authenticator.authenticate({
            challenge: login.challenge,
            rpId: 'localhost',
            origin: ORIGIN,
            allowCredentials: login.allowCredentials.webauthn,
          });
          return anonymous.auth.login({
            body: {
              challengeIdentifier: login.challengeIdentifier,
              firstFactor: { kind: 'Fido2', credentialAssertion },
            },
          });
        };
        const loggedIn = await loginWithPasskey();
        if (!('token' in loggedIn)) throw new Error('a token was expected');
        const passkeyClient = signedInClient(baseUrl, loggedIn.token, signer);
        const isActive = async () =>
          (await passkeyClient.auth.listCredentials()).items.find(
            (item) => item.credentialUuid === passkey.credentialUuid,
          )?.isActive;

        // Switched off (signed with the key), the passkey logs in no more; switched on, it does again.
        const body = { credentialUuid: passkey.credentialUuid };
        expect(await passkeyClient.auth.deactivateCredential({ body })).toEqual({ message: 'success' });
        expect(await isActive()).toBe(false);
        const refused = await loginWithPasskey().catch((error: unknown) => error);
        expect(refused).toBeInstanceOf(DfnsError);
        expect(refused).toMatchObject({ httpStatus: 401 });
        expect(await passkeyClient.auth.activateCredential({ body })).toEqual({ message: 'success' });
        expect(await isActive()).toBe(true);
        expect(await loginWithPasskey()).toHaveProperty('token');

        // The SDK's own key signer answers a login challenge as well.
        const keyChallenge = await anonymous.auth.createLoginChallenge({ body: { username, orgId: DEFAULT_ORG_ID } });
        const keyLogin = await anonymous.auth.login({
          body: {
            challengeIdentifier: keyChallenge.challengeIdentifier,
            firstFactor: (await signer.sign(keyChallenge)) as never,
          },
        });
        expect(keyLogin).toHaveProperty('token');
      }),
  );
});

describe('account recovery through the published @dfns/sdk', () => {
  it('should send the code, create the recovery challenge and recover with a credkit RecoveryKey, then log in with the new passkey', {
    timeout: 30_000,
  }, async () => {
    const mails: VerificationCodeMail[] = [];
    const server = await createMockBackend({
      origins: [ORIGIN],
      onVerificationCode: (mail) => mails.push(mail),
    }).listen({ port: 0 });
    try {
      const baseUrl = server.url;
      const username = 'sdk-recovery@example.com';
      const recoveryCode = 'D1-7H2QK-M9XTE-0RB4W-1ZZZZ-ABCDE-FGHJK';
      const { anonymous, token, signer } = await registerKeyUser(baseUrl, username);
      const client = signedInClient(baseUrl, token, signer);

      // The RecoveryKey, registered with user-action signing as credkit registers it.
      const challenge = await client.auth.createCredentialChallenge({ body: { kind: 'RecoveryKey' } as never });
      const recoveryKey = await credkitRecoveryKey((challenge as { challenge: string }).challenge, recoveryCode);
      const created = await client.auth.createCredential({
        body: {
          credentialKind: 'RecoveryKey',
          credentialName: 'Recovery key',
          challengeIdentifier: (challenge as { challengeIdentifier: string }).challengeIdentifier,
          ...recoveryKey,
        } as never,
      });
      expect(created).toMatchObject({ kind: 'RecoveryKey', isActive: true });

      // Lost everything: the code "mailed", the recovery challenge, the wrapped key opened.
      expect(await anonymous.auth.sendRecoveryCode({ body: { username, orgId: DEFAULT_ORG_ID } })).toEqual({
        message: 'success',
      });
      const verificationCode = mails.at(-1)?.verificationCode ?? '';
      const init = await anonymous.auth.createRecoveryChallenge({
        body: { username, verificationCode, orgId: DEFAULT_ORG_ID, credentialId: recoveryKey.credentialInfo.credId },
      });
      expect(init.allowedRecoveryCredentials).toEqual([
        { id: recoveryKey.credentialInfo.credId, encryptedRecoveryKey: recoveryKey.encryptedPrivateKey },
      ]);
      const privateKey = await unwrap(init.allowedRecoveryCredentials[0]?.encryptedRecoveryKey ?? '', recoveryCode);

      const { authenticator, newCredentials } = await newPasskeyCredentials(init);
      const clientData = Buffer.from(
        JSON.stringify({
          type: 'key.get',
          challenge: Buffer.from(JSON.stringify(newCredentials)).toString('base64url'),
          origin: ORIGIN,
          crossOrigin: false,
        }),
      );
      const recovering = new DfnsApiClient({ baseUrl, authToken: init.temporaryAuthenticationToken } as never);
      const recovered = await recovering.auth.recover({
        body: {
          recovery: {
            kind: 'RecoveryKey',
            credentialAssertion: {
              credId: recoveryKey.credentialInfo.credId,
              clientData: clientData.toString('base64url'),
              signature: sign('sha256', clientData, { key: privateKey, dsaEncoding: 'der' }).toString('base64url'),
              algorithm: 'SHA256',
            },
          },
          newCredentials,
        },
      });
      expect(recovered).toMatchObject({
        credential: { kind: 'Fido2', name: 'New passkey' },
        user: { id: init.user.id, username, orgId: DEFAULT_ORG_ID },
      });

      // No token in the answer: log in with the new passkey.
      const login = await anonymous.auth.createLoginChallenge({ body: { username, orgId: DEFAULT_ORG_ID } });
      expect(login.allowCredentials.key).toEqual([]);
      const loggedIn = await anonymous.auth.login({
        body: {
          challengeIdentifier: login.challengeIdentifier,
          firstFactor: {
            kind: 'Fido2',
            credentialAssertion: await authenticator.authenticate({
              challenge: login.challenge,
              rpId: 'localhost',
              origin: ORIGIN,
              allowCredentials: login.allowCredentials.webauthn,
            }),
          },
        },
      });
      if (!('token' in loggedIn)) throw new Error('a token was expected');
      const list = await signedInClient(baseUrl, loggedIn.token, signer).auth.listCredentials();
      expect(list.items.map(({ kind, name }) => `${kind} ${name}`)).toEqual(['Fido2 New passkey']);
      // The old token and the old key are invalidated.
      const refused = await client.auth.listCredentials().catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(DfnsError);
      expect(refused).toMatchObject({ httpStatus: 401 });
    } finally {
      await server.close();
    }
  });
});
