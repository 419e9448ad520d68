// Interop with the published Dfns SDK, unchanged: only baseUrl points at the mock. The SDK registers a
// user with a Key (@dfns/sdk-browser BrowserKeySigner), then creates a second credential through
// createCredentialChallenge + createCredential, its own user-action signing (@dfns/sdk-keysigner)
// running against the mock, and lists both; then it adds a passkey with a one-time code, logs in
// with it, deactivates and activates it, and logs in with the key, all through DfnsApiClient.
import { createPrivateKey, webcrypto } from 'node:crypto';
import { DfnsApiClient, DfnsError } from '@dfns/sdk';
import { BrowserKeySigner } from '@dfns/sdk-browser';
import { AsymmetricKeySigner } from '@dfns/sdk-keysigner';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ORG_ID } from './config.ts';
import { createMockBackend } from './createMockBackend.ts';
import { createSoftwareAuthenticator } from './testing/softwareAuthenticator.ts';

const ORIGIN = 'http://localhost:5173';

async function extractableKeyPair() {
  const keyPair = (await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keyPair.privateKey));
  return {
    keyPair,
    privateKeyPem: createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' })
      .export({ type: 'pkcs8', format: 'pem' })
      .toString(),
  };
}

/** Signs a user up through the SDK with a Key first factor; their token and the SDK's signer for that key. */
async function registerKeyUser(baseUrl: string, username: string) {
  const anonymous = new DfnsApiClient({ baseUrl, orgId: DEFAULT_ORG_ID } as never);
  const registration = await anonymous.auth.createRegistrationChallenge({
    body: { orgId: DEFAULT_ORG_ID, username, registrationCode: '000000' },
  });
  const first = await extractableKeyPair();
  const firstCredential = await new BrowserKeySigner({ keyPair: first.keyPair }).create(registration as never);
  const registering = new DfnsApiClient({ baseUrl, authToken: registration.temporaryAuthenticationToken } as never);
  const registered = await registering.auth.registerEndUser({
    body: { firstFactorCredential: { ...firstCredential, credentialName: 'SDK key' }, wallets: [] } as never,
  });
  expect(registered.user.username).toBe(username);
  const signer = new AsymmetricKeySigner({
    credId: firstCredential.credentialInfo.credId,
    privateKey: first.privateKeyPem,
  });
  return { anonymous, token: registered.authentication.token, signer };
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
        const second = await extractableKeyPair();
        const secondCredential = await new BrowserKeySigner({ keyPair: second.keyPair }).create(challenge as never);
        const created = await client.auth.createCredential({
          body: {
            credentialKind: 'Key',
            credentialInfo: secondCredential.credentialInfo,
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
        const authenticator = createSoftwareAuthenticator();
        const credentialInfo = await authenticator.register({
          challenge: challenge.challenge,
          rpId: 'localhost',
          origin: ORIGIN,
          userId: challenge.user.id,
        });
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
