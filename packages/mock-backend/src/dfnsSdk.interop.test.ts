// Interop with the published Dfns SDK, unchanged: only baseUrl points at the mock. The SDK registers a
// user with a Key (@dfns/sdk-browser BrowserKeySigner), then creates a second credential through
// createCredentialChallenge + createCredential, its own user-action signing (@dfns/sdk-keysigner)
// running against the mock, and lists both; then it adds a passkey with a one-time code, logs in
// with it, deactivates and activates it, and logs in with the key, all through DfnsApiClient; it
// signs up asking for wallets as Dfns's delegated example does; it hands a PasswordProtectedKey out
// only with the code sendLoginCode mailed; it logs out one session, then all; and it recovers a user
// with a RecoveryKey made as credkit makes them, added later or sent with registerEndUser
// (sendRecoveryCode, createRecoveryChallenge, recover).
import { createPrivateKey, sign, webcrypto } from 'node:crypto';
import { DfnsApiClient, DfnsError } from '@dfns/sdk';
import { BrowserKeySigner } from '@dfns/sdk-browser';
import { AsymmetricKeySigner } from '@dfns/sdk-keysigner';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ORG_ID, type LoginCodeMail, type MockBackendOptions, type VerificationCodeMail } from './config.ts';
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

/**
 * Signs a user up through the SDK with a Key first factor, and the fields `more` makes for the
 * registration challenge; their token, the SDK's signer for that key, and the SDK's answer.
 */
async function registerKeyUser(
  baseUrl: string,
  username: string,
  more: (challenge: string) => Promise<Record<string, unknown>> = async () => ({ wallets: [] }),
) {
  const anonymous = new DfnsApiClient({ baseUrl, orgId: DEFAULT_ORG_ID } as never);
  const registration = await anonymous.auth.createRegistrationChallenge({
    body: { orgId: DEFAULT_ORG_ID, username, registrationCode: '000000' },
  });
  const first = await extractableKeyPair();
  const firstCredential = await new BrowserKeySigner({ keyPair: first.keyPair }).create(registration as never);
  const registering = new DfnsApiClient({ baseUrl, authToken: registration.temporaryAuthenticationToken } as never);
  const registered = await registering.auth.registerEndUser({
    body: {
      firstFactorCredential: { ...firstCredential, credentialName: 'SDK key' },
      wallets: [],
      ...(await more(registration.challenge)),
    } as never,
  });
  expect(registered.user.username).toBe(username);
  const signer = new AsymmetricKeySigner({
    credId: firstCredential.credentialInfo.credId,
    privateKey: first.privateKeyPem,
  });
  return { anonymous, token: registered.authentication.token, signer, registered };
}

/** A client of the mock signed in with `token`, signing user actions with `signer`. */
function signedInClient(baseUrl: string, token: string, signer: AsymmetricKeySigner) {
  return new DfnsApiClient({ baseUrl, orgId: DEFAULT_ORG_ID, authToken: token, signer } as never);
}

/** Runs `test` against a mock over HTTP (with `options`), closed afterwards. */
async function withMock(test: (baseUrl: string) => Promise<void>, options: MockBackendOptions = {}) {
  const server = await createMockBackend({ origins: [ORIGIN], ...options }).listen({ port: 0 });
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
    "should answer registerEndUser's wallets: [{ network: 'EthereumSepolia' }] as Dfns's example asks",
    {
      timeout: 30_000,
    },
    () =>
      withMock(async (baseUrl) => {
        const { registered } = await registerKeyUser(baseUrl, 'sdk-wallets@example.com', async () => ({
          wallets: [{ network: 'EthereumSepolia' }],
        }));
        expect(registered.wallets).toEqual([
          {
            id: expect.stringMatching(/^wa-/),
            network: 'EthereumSepolia',
            signingKey: {
              id: expect.stringMatching(/^key-/),
              scheme: 'ECDSA',
              curve: 'secp256k1',
              publicKey: expect.stringMatching(/^0[23][0-9a-f]{64}$/),
              delegatedTo: registered.user.id,
            },
            status: 'Active',
            dateCreated: expect.any(String),
            custodial: false,
            tags: [],
          },
        ]);
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

describe('login codes through the published @dfns/sdk', () => {
  it("should hand out a PasswordProtectedKey's encryptedPrivateKey only with the code sendLoginCode mailed", {
    timeout: 30_000,
  }, async () => {
    const mails: LoginCodeMail[] = [];
    await withMock(
      async (baseUrl) => {
        const username = 'sdk-login-code@example.com';
        const { anonymous, token, signer } = await registerKeyUser(baseUrl, username);
        const client = signedInClient(baseUrl, token, signer);

        // A PasswordProtectedKey, added with user-action signing; its private key wrapped client-side.
        const challenge = await client.auth.createCredentialChallenge({
          body: { kind: 'PasswordProtectedKey' } as never,
        });
        const key = await extractableKeyPair();
        const { credentialInfo } = await new BrowserKeySigner({ keyPair: key.keyPair }).create(challenge as never);
        const wrapped = Buffer.from('{"wrapped":"under the password"}').toString('base64');
        await client.auth.createCredential({
          body: {
            credentialKind: 'PasswordProtectedKey',
            credentialInfo,
            credentialName: 'Password key',
            challengeIdentifier: (challenge as { challengeIdentifier: string }).challengeIdentifier,
            encryptedPrivateKey: wrapped,
          } as never,
        });

        // Anyone who knows the username: the key's id, not the key.
        const withoutCode = await anonymous.auth.createLoginChallenge({ body: { username, orgId: DEFAULT_ORG_ID } });
        expect(withoutCode.allowCredentials.passwordProtectedKey).toEqual([
          { type: 'public-key', id: credentialInfo.credId },
        ]);

        // The user, with the code mailed to them.
        expect(await anonymous.auth.sendLoginCode({ body: { username, orgId: DEFAULT_ORG_ID } })).toEqual({
          message: 'success',
        });
        const loginCode = mails.at(-1)?.loginCode ?? '';
        const login = await anonymous.auth.createLoginChallenge({
          body: { username, orgId: DEFAULT_ORG_ID, loginCode },
        });
        expect(login.allowCredentials.passwordProtectedKey).toEqual([
          { type: 'public-key', id: credentialInfo.credId, encryptedPrivateKey: wrapped },
        ]);
        const clientData = Buffer.from(JSON.stringify({ type: 'key.get', challenge: login.challenge }));
        const loggedIn = await anonymous.auth.login({
          body: {
            challengeIdentifier: login.challengeIdentifier,
            firstFactor: {
              kind: 'PasswordProtectedKey',
              credentialAssertion: {
                credId: credentialInfo.credId,
                clientData: clientData.toString('base64url'),
                signature: sign('sha256', clientData, { key: key.privateKeyPem, dsaEncoding: 'der' }).toString(
                  'base64url',
                ),
              },
            },
          },
        });
        expect(loggedIn).toHaveProperty('token');

        // Single-use: the same code again is a 400 naming it.
        const again = await anonymous.auth
          .createLoginChallenge({ body: { username, orgId: DEFAULT_ORG_ID, loginCode } })
          .catch((error: unknown) => error);
        expect(again).toBeInstanceOf(DfnsError);
        expect(again).toMatchObject({ httpStatus: 400, message: expect.stringMatching(/^loginCode was already used/) });
      },
      { onLoginCode: (mail) => mails.push(mail) },
    );
  });
});

describe('logout through the published @dfns/sdk', () => {
  it(
    'should end the session with logout() (no body), and every session with logout({ allSessions: true })',
    {
      timeout: 30_000,
    },
    () =>
      withMock(async (baseUrl) => {
        const username = 'sdk-logout@example.com';
        const { anonymous, token, signer } = await registerKeyUser(baseUrl, username);
        const logIn = async () => {
          const challenge = await anonymous.auth.createLoginChallenge({ body: { username, orgId: DEFAULT_ORG_ID } });
          const login = await anonymous.auth.login({
            body: {
              challengeIdentifier: challenge.challengeIdentifier,
              firstFactor: (await signer.sign(challenge)) as never,
            },
          });
          if (!('token' in login)) throw new Error('a token was expected');
          return signedInClient(baseUrl, login.token, signer);
        };
        const refusal = (client: DfnsApiClient) => client.auth.listCredentials().catch((error: unknown) => error);
        const signedUp = signedInClient(baseUrl, token, signer);
        const [second, third] = [await logIn(), await logIn()];

        expect(await signedUp.auth.logout()).toEqual({ message: 'success' });
        expect(await refusal(signedUp)).toMatchObject({ httpStatus: 401, message: 'Not Authorized.' });
        expect((await second.auth.listCredentials()).items).toHaveLength(1);

        expect(await second.auth.logout({ body: { allSessions: true } })).toEqual({ message: 'success' });
        for (const client of [second, third]) {
          const refused = await refusal(client);
          expect(refused).toBeInstanceOf(DfnsError);
          expect(refused).toMatchObject({ httpStatus: 401 });
        }
        // Logged out everywhere, not locked out.
        expect((await (await logIn()).auth.listCredentials()).items).toHaveLength(1);
      }),
  );
});

/** PBKDF2 iterations credkit wraps keys with (its minimum). */
const WRAP_ITERATIONS = 600_000;

async function wrappingKey(secret: string, salt: Uint8Array<ArrayBuffer>) {
  const material = await webcrypto.subtle.importKey('raw', Buffer.from(secret, 'utf8'), 'PBKDF2', false, ['deriveKey']);
  return webcrypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: WRAP_ITERATIONS },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/**
 * A RecoveryKey exactly as credkit's createKeyCredential makes one (packages/core/src/keys): ECDSA
 * P-256, clientData `{"type":"key.create","challenge":base64url(UTF-8 of the challenge),"origin","crossOrigin":false}`,
 * a hex DER signature over `{"clientDataHash","publicKey"}`, and the PKCS#8 private key wrapped under
 * the recovery code (PBKDF2-SHA256 600,000 → AES-GCM-256) as base64 of `{v,format,kdf,cipher,ciphertext}`.
 */
async function credkitRecoveryKey(challenge: string, recoveryCode: string) {
  const keyPair = (await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keyPair.privateKey);
  const spki = Buffer.from(await webcrypto.subtle.exportKey('spki', keyPair.publicKey)).toString('base64');
  const publicKey = `-----BEGIN PUBLIC KEY-----\n${spki.match(/.{1,64}/g)?.join('\n')}\n-----END PUBLIC KEY-----`;
  const clientData = Buffer.from(
    JSON.stringify({
      type: 'key.create',
      challenge: Buffer.from(challenge, 'utf8').toString('base64url'),
      origin: ORIGIN,
      crossOrigin: false,
    }),
  );
  const clientDataHash = Buffer.from(await webcrypto.subtle.digest('SHA-256', clientData)).toString('hex');
  const privateKey = createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
  const signature = sign('sha256', Buffer.from(JSON.stringify({ clientDataHash, publicKey })), {
    key: privateKey,
    dsaEncoding: 'der',
  });
  const attestation = { publicKey, signature: signature.toString('hex'), algorithm: 'SHA256' };
  const salt = webcrypto.getRandomValues(new Uint8Array(16));
  const iv = webcrypto.getRandomValues(new Uint8Array(12));
  const ciphertext = await webcrypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    await wrappingKey(recoveryCode, salt),
    pkcs8,
  );
  const wrapped = {
    v: 1,
    format: 'pkcs8',
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: WRAP_ITERATIONS, salt: Buffer.from(salt).toString('base64') },
    cipher: { name: 'AES-GCM', length: 256, iv: Buffer.from(iv).toString('base64') },
    ciphertext: Buffer.from(ciphertext).toString('base64'),
  };
  return {
    credentialInfo: {
      credId: Buffer.from(webcrypto.getRandomValues(new Uint8Array(32))).toString('base64url'),
      clientData: clientData.toString('base64url'),
      attestationData: Buffer.from(JSON.stringify(attestation)).toString('base64url'),
    },
    encryptedPrivateKey: Buffer.from(JSON.stringify(wrapped)).toString('base64'),
  };
}

/** The PKCS#8 private key inside an encryptedRecoveryKey, opened with the recovery code (as credkit's unwrapPrivateKey). */
async function unwrap(encryptedRecoveryKey: string, recoveryCode: string) {
  const wrapped = JSON.parse(Buffer.from(encryptedRecoveryKey, 'base64').toString('utf8'));
  const salt = new Uint8Array(Buffer.from(wrapped.kdf.salt, 'base64'));
  const pkcs8 = await webcrypto.subtle.decrypt(
    { name: 'AES-GCM', iv: Buffer.from(wrapped.cipher.iv, 'base64') },
    await wrappingKey(recoveryCode, salt),
    Buffer.from(wrapped.ciphertext, 'base64'),
  );
  return createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
}

/** A credkit RecoveryKey: its `credentialInfo` and `encryptedPrivateKey`. */
type RecoveryKey = Awaited<ReturnType<typeof credkitRecoveryKey>>;

/**
 * Lost everything: through the SDK, the code "mailed" (read from `mails`), the recovery challenge,
 * the wrapped key opened with `recoveryCode`, a new passkey signed by it; then a login with that
 * passkey. Returns the new token.
 */
async function recoverAndLogIn(
  baseUrl: string,
  mails: VerificationCodeMail[],
  username: string,
  recoveryKey: RecoveryKey,
  recoveryCode: string,
) {
  const anonymous = new DfnsApiClient({ baseUrl, orgId: DEFAULT_ORG_ID } as never);
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

  const authenticator = createSoftwareAuthenticator();
  const credentialInfo = await authenticator.register({
    challenge: init.challenge,
    rpId: 'localhost',
    origin: ORIGIN,
    userId: init.user.id,
  });
  const newCredentials = {
    firstFactorCredential: { credentialKind: 'Fido2' as const, credentialInfo, credentialName: 'New passkey' },
  };
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
  return loggedIn.token;
}

/** A mock over HTTP whose recovery "mails" land in `mails`. */
function withRecoveryMock(test: (baseUrl: string, mails: VerificationCodeMail[]) => Promise<void>) {
  const mails: VerificationCodeMail[] = [];
  return withMock((baseUrl) => test(baseUrl, mails), { onVerificationCode: (mail) => mails.push(mail) });
}

const RECOVERY_CODE = 'D1-7H2QK-M9XTE-0RB4W-1ZZZZ-ABCDE-FGHJK';

describe('account recovery through the published @dfns/sdk', () => {
  it(
    'should send the code, create the recovery challenge and recover with a credkit RecoveryKey, then log in with the new passkey',
    {
      timeout: 30_000,
    },
    () =>
      withRecoveryMock(async (baseUrl, mails) => {
        const username = 'sdk-recovery@example.com';
        const { token, signer } = await registerKeyUser(baseUrl, username);
        const client = signedInClient(baseUrl, token, signer);

        // The RecoveryKey, registered with user-action signing as credkit registers it.
        const challenge = await client.auth.createCredentialChallenge({ body: { kind: 'RecoveryKey' } as never });
        const recoveryKey = await credkitRecoveryKey((challenge as { challenge: string }).challenge, RECOVERY_CODE);
        const created = await client.auth.createCredential({
          body: {
            credentialKind: 'RecoveryKey',
            credentialName: 'Recovery key',
            challengeIdentifier: (challenge as { challengeIdentifier: string }).challengeIdentifier,
            ...recoveryKey,
          } as never,
        });
        expect(created).toMatchObject({ kind: 'RecoveryKey', isActive: true });

        const newToken = await recoverAndLogIn(baseUrl, mails, username, recoveryKey, RECOVERY_CODE);
        const list = await signedInClient(baseUrl, newToken, signer).auth.listCredentials();
        expect(list.items.map(({ kind, name }) => `${kind} ${name}`)).toEqual(['Fido2 New passkey']);
        // The old token and the old key are invalidated.
        const refused = await client.auth.listCredentials().catch((error: unknown) => error);
        expect(refused).toBeInstanceOf(DfnsError);
        expect(refused).toMatchObject({ httpStatus: 401 });
      }),
  );

  it('should recover with the RecoveryKey registerEndUser sent as recoveryCredential', { timeout: 30_000 }, () =>
    withRecoveryMock(async (baseUrl, mails) => {
      const username = 'sdk-signup-recovery@example.com';
      let recoveryKey: RecoveryKey | undefined;
      const { token, signer } = await registerKeyUser(baseUrl, username, async (challenge) => {
        recoveryKey = await credkitRecoveryKey(challenge, RECOVERY_CODE);
        return { recoveryCredential: { credentialKind: 'RecoveryKey', ...recoveryKey } };
      });
      if (!recoveryKey) throw new Error('no recovery key was made');
      const list = await signedInClient(baseUrl, token, signer).auth.listCredentials();
      expect(list.items.map(({ kind, name }) => `${kind} ${name}`)).toEqual([
        'Key SDK key',
        `RecoveryKey Recovery key of ${username}`,
      ]);
      const newToken = await recoverAndLogIn(baseUrl, mails, username, recoveryKey, RECOVERY_CODE);
      const after = await signedInClient(baseUrl, newToken, signer).auth.listCredentials();
      expect(after.items.map(({ kind, name }) => `${kind} ${name}`)).toEqual(['Fido2 New passkey']);
    }),
  );
});
