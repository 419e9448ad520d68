import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MockConfigError, mockOptionsFromEnv, resolveMockOptions } from './config.ts';
import { TESTING_SERVICE_ACCOUNT } from './testing/testingServiceAccount.ts';

const pemOf = (key: ReturnType<typeof generateKeyPairSync>['publicKey']) =>
  key.export({ type: 'spki', format: 'pem' }).toString();
const P256_PEM = pemOf(generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey);
const ED25519_PEM = pemOf(generateKeyPairSync('ed25519').publicKey);

const ENV = {
  MOCK_SERVICE_ACCOUNT_TOKEN: 'sa-token',
  MOCK_SERVICE_ACCOUNT_CRED_ID: 'c2EtY3JlZA',
  MOCK_SERVICE_ACCOUNT_PUBLIC_KEY: P256_PEM,
};

/** The MockConfigError `run` throws, or a failure when it throws nothing or something else. */
function configError(run: () => unknown): MockConfigError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(MockConfigError);
    return error as MockConfigError;
  }
  throw new Error('a MockConfigError was expected');
}

describe('the service account option', () => {
  it('should default to the testing service account, its public half only', () => {
    expect(resolveMockOptions().serviceAccount).toEqual({
      token: TESTING_SERVICE_ACCOUNT.token,
      credId: TESTING_SERVICE_ACCOUNT.credId,
      publicKey: TESTING_SERVICE_ACCOUNT.publicKey,
    });
  });

  it('should read the three MOCK_SERVICE_ACCOUNT_ variables, P-256 or Ed25519, with \\n written out or not', () => {
    expect(mockOptionsFromEnv(ENV).serviceAccount).toEqual({
      token: 'sa-token',
      credId: 'c2EtY3JlZA',
      publicKey: P256_PEM,
    });
    const oneLine = ED25519_PEM.trim().replace(/\n/g, '\\n');
    expect(
      mockOptionsFromEnv({ ...ENV, MOCK_SERVICE_ACCOUNT_PUBLIC_KEY: oneLine }).serviceAccount?.publicKey.trim(),
    ).toBe(ED25519_PEM.trim());
    expect(mockOptionsFromEnv({}).serviceAccount).toBeUndefined();
  });

  it('should name the variables missing from a partial set', () => {
    expect(configError(() => mockOptionsFromEnv({ MOCK_SERVICE_ACCOUNT_TOKEN: 'sa-token' })).message).toBe(
      'MOCK_SERVICE_ACCOUNT_CRED_ID and MOCK_SERVICE_ACCOUNT_PUBLIC_KEY are missing: a service account takes all three of ' +
        'MOCK_SERVICE_ACCOUNT_TOKEN, MOCK_SERVICE_ACCOUNT_CRED_ID, MOCK_SERVICE_ACCOUNT_PUBLIC_KEY, or none for the testing one',
    );
    expect(configError(() => mockOptionsFromEnv({ ...ENV, MOCK_SERVICE_ACCOUNT_PUBLIC_KEY: '' })).message).toMatch(
      /^MOCK_SERVICE_ACCOUNT_PUBLIC_KEY is missing: /,
    );
  });

  it.each([
    [
      'a private key',
      generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    ],
    ['a P-384 key', pemOf(generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey)],
    ['an RSA key', pemOf(generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey)],
    ['a truncated PEM', P256_PEM.replace(/\n[^\n]+\n-----END/, '\n-----END')],
    ['not a PEM', 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI'],
  ])('should refuse %s as the public key, naming the variable', (_what, publicKey) => {
    expect(configError(() => mockOptionsFromEnv({ ...ENV, MOCK_SERVICE_ACCOUNT_PUBLIC_KEY: publicKey })).message).toBe(
      'MOCK_SERVICE_ACCOUNT_PUBLIC_KEY is not a usable public key: give the SPKI PEM (-----BEGIN PUBLIC KEY-----) of an ECDSA P-256 or Ed25519 key',
    );
  });

  it('should refuse a token of several words and a credential id that is not base64url', () => {
    expect(configError(() => mockOptionsFromEnv({ ...ENV, MOCK_SERVICE_ACCOUNT_TOKEN: 'two words' })).message).toMatch(
      /^MOCK_SERVICE_ACCOUNT_TOKEN must be one word/,
    );
    expect(configError(() => mockOptionsFromEnv({ ...ENV, MOCK_SERVICE_ACCOUNT_CRED_ID: 'cred/id=' })).message).toMatch(
      /^MOCK_SERVICE_ACCOUNT_CRED_ID must be base64url/,
    );
  });

  it('should check the option in process the same way, naming its fields', () => {
    const partial = { token: 'sa-token', credId: 'c2EtY3JlZA' } as never;
    expect(configError(() => resolveMockOptions({ serviceAccount: partial })).message).toMatch(
      /^serviceAccount\.publicKey is missing: /,
    );
    expect(
      configError(() => resolveMockOptions({ serviceAccount: { ...TESTING_SERVICE_ACCOUNT, publicKey: 'x' } })).message,
    ).toMatch(/^serviceAccount\.publicKey is not a usable public key/);
  });

  it('should refuse one token for both the service account and the seeded user', () => {
    expect(configError(() => resolveMockOptions({ token: TESTING_SERVICE_ACCOUNT.token })).message).toBe(
      `the service account's token is the seeded user's token too ("${TESTING_SERVICE_ACCOUNT.token}"): give each its own`,
    );
  });
});
