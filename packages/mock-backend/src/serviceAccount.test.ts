// The service account: a user of kind ServiceAccount with one Key credential, whose token is a
// ServiceAccount grant. It signs its own user actions, and never appears as an end user.
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ORG_ID, type VerificationCodeMail } from './config.ts';
import { SERVICE_ACCOUNT_USERNAME } from './state/seedServiceAccount.ts';
import {
  expectDfnsError,
  SERVICE_ACCOUNT_AUTH,
  serviceAccountSigner,
  setupBackend,
  signedCallAs,
  userAction,
} from './testHelpers.ts';
import { TESTING_SERVICE_ACCOUNT } from './testing/testingServiceAccount.ts';

const SA = SERVICE_ACCOUNT_AUTH;
const ANY = { method: 'POST', path: '/auth/login/delegated', body: '{"username":"x"}' };

describe('the testing service account', () => {
  it('should be a ServiceAccount user with one active Key credential, its public key', async () => {
    const { call } = setupBackend();
    const me = await call('GET', '/auth/users/me', undefined, SA);
    expect(me.body).toMatchObject({
      username: SERVICE_ACCOUNT_USERNAME,
      orgId: DEFAULT_ORG_ID,
      kind: 'ServiceAccount',
    });
    const list = await call('GET', '/auth/credentials', undefined, SA);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        kind: 'Key',
        credentialId: TESTING_SERVICE_ACCOUNT.credId,
        isActive: true,
        publicKey: TESTING_SERVICE_ACCOUNT.publicKey,
      }),
    ]);
  });

  it('should sign its user actions with its testing private key, and with no other key', async () => {
    const { call } = setupBackend({ userActionSigning: 'required' });
    const signed = await userAction(call, TESTING_SERVICE_ACCOUNT.token, ANY, serviceAccountSigner());
    expect(signed.status).toBe(200);
    expect(signed.body.userAction).toMatch(/^ua-/);

    const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    const forged = await userAction(
      call,
      TESTING_SERVICE_ACCOUNT.token,
      ANY,
      serviceAccountSigner({ credId: TESTING_SERVICE_ACCOUNT.credId, privateKey: stranger }),
    );
    expectDfnsError(forged, 400, /signature does not verify with the credential key/);
  });

  it('should refuse its token where Dfns refuses service accounts: creating credentials, codes, (de)activating', async () => {
    const { call } = setupBackend({ userActionSigning: 'required' });
    const signer = serviceAccountSigner();
    expectDfnsError(
      await call('POST', '/auth/credentials/init', { kind: 'Key' }, SA),
      403,
      /ServiceAccount token is not allowed/,
    );
    for (const [method, path, body] of [
      ['POST', '/auth/credentials/code', { expiration: new Date(Date.now() + 30_000).toISOString() }],
      ['PUT', '/auth/credentials/deactivate', { credentialUuid: 'cr-1' }],
    ] as const) {
      const refused = await signedCallAs(call, TESTING_SERVICE_ACCOUNT.token, signer, method, path, body);
      expectDfnsError(refused, 403, new RegExp(`ServiceAccount token is not allowed to call ${method} ${path}`));
    }
  });

  it('should never appear as an end user: no login, no recovery code, its name taken', async () => {
    const mails: VerificationCodeMail[] = [];
    const { call } = setupBackend({ onVerificationCode: (mail) => mails.push(mail) });
    const login = await call('POST', '/auth/login/init', { orgId: DEFAULT_ORG_ID, username: SERVICE_ACCOUNT_USERNAME });
    expectDfnsError(login, 401, /^User not found$/);
    const code = await call('POST', '/auth/recover/user/code', {
      orgId: DEFAULT_ORG_ID,
      username: SERVICE_ACCOUNT_USERNAME,
    });
    expect(code.body).toEqual({ message: 'success' });
    expect(mails).toEqual([]);
    const signUp = await call('POST', '/auth/registration/init', {
      orgId: DEFAULT_ORG_ID,
      username: SERVICE_ACCOUNT_USERNAME.toUpperCase(),
      registrationCode: 'x',
    });
    expectDfnsError(signUp, 409, /is already registered/);
  });
});

describe('a configured service account', () => {
  it('should take an Ed25519 key, as Dfns recommends, and sign with it as @dfns/sdk-keysigner does', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const account = {
      token: 'ed-token',
      credId: 'ZWQtY3JlZA',
      publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    };
    const { call } = setupBackend({ userActionSigning: 'required', serviceAccount: account });
    const signed = await userAction(
      call,
      'ed-token',
      ANY,
      serviceAccountSigner({ credId: account.credId, privateKey }),
    );
    expect(signed.status).toBe(200);
    // The testing service account is not there.
    expectDfnsError(await call('GET', '/auth/users/me', undefined, SA), 401, /^Not Authorized\.$/);
  });
});
