// A PasswordProtectedKey confirming changes (Dfns user-action signing) against the in-process mock
// with signing required: the mock sends a signed-in user's keys with their encryptedPrivateKey, the
// signer asks the password, opens the key in the page and signs; the mock verifies the assertion.
import { describe, expect, it, vi } from 'vitest';
import { setCredentialActive } from '../flows/credentialActivation.ts';
import { listCredentials } from '../flows/listCredentials.ts';
import { registerKeyCredential } from '../flows/registerKeyCredential.ts';
import { registerPasskey } from '../flows/registerPasskey.ts';
import type { Fetcher, FetcherRequest } from '../http/fetcher.ts';
import { credkitRejection, inProcessMock, signUpWithKey, softwareCredentials } from '../testFixtures.ts';
import { createFallbackUserActionSigner } from './fallbackUserActionSigner.ts';
import { createKeyUserActionSigner } from './keyUserActionSigner.ts';
import {
  createPasswordProtectedKeyUserActionSigner,
  type PasswordRequest,
} from './passwordProtectedKeyUserActionSigner.ts';
import { createWebAuthnUserActionSigner } from './webAuthnUserActionSigner.ts';

const ORIGIN = 'http://localhost:5173';
const rp = { id: 'localhost', name: 'credkit' };
const PASSWORD = 'correct horse battery';
// Opening a key is PBKDF2 with 600,000 iterations: some hundred milliseconds per attempt in Node.
const SLOW = 30_000;

/** A user signed up with a Key who then added a PasswordProtectedKey (confirmed by the Key). */
async function userWithPasswordProtectedKey() {
  const { fetcherWith, anonymous } = inProcessMock({ origins: [ORIGIN], rpId: 'localhost' });
  const sent: FetcherRequest[] = [];
  let user: Fetcher = anonymous;
  const fetcher: Fetcher = (request) => {
    sent.push(request);
    return user(request);
  };
  const { token, keyId, privateKey } = await signUpWithKey(fetcher, (userToken) => {
    user = fetcherWith(userToken);
    return fetcher;
  });
  user = fetcherWith(token);
  const keySigner = createKeyUserActionSigner({ credId: keyId, privateKey, origin: ORIGIN });
  const { credential } = await registerKeyCredential({
    fetcher,
    kind: 'PasswordProtectedKey',
    credentialName: 'Password key',
    password: PASSWORD,
    origin: ORIGIN,
    userActionSigner: keySigner,
  });
  return { fetcher, sent, keyId, keySigner, ppkId: credential.credentialId };
}

describe('createPasswordProtectedKeyUserActionSigner against the mock', () => {
  it(
    'should ask the password, then confirm a new passkey with the key; the password is never sent',
    async () => {
      const { fetcher, sent, ppkId } = await userWithPasswordProtectedKey();
      const password = vi.fn(async () => PASSWORD);
      const created = await registerPasskey({
        fetcher,
        rp,
        credentialName: 'Laptop',
        credentials: softwareCredentials(ORIGIN),
        userActionSigner: createPasswordProtectedKeyUserActionSigner({ password, origin: ORIGIN }),
      });
      expect(created.kind).toBe('Fido2');
      expect(password).toHaveBeenCalledTimes(1);
      expect(password).toHaveBeenCalledWith({ credentialId: ppkId, signal: expect.any(AbortSignal) });
      const action = sent.findLast((request) => request.path === '/auth/action');
      expect(action?.body).toMatchObject({
        firstFactor: { kind: 'PasswordProtectedKey', credentialAssertion: { credId: ppkId } },
      });
      expect(JSON.stringify(sent)).not.toContain(PASSWORD);
      expect((await listCredentials(fetcher)).map((credential) => credential.kind)).toEqual([
        'Key',
        'PasswordProtectedKey',
        'Fido2',
      ]);
    },
    SLOW,
  );

  it(
    'should ask again after a typo, with why, and confirm with the password then given',
    async () => {
      const { fetcher, ppkId } = await userWithPasswordProtectedKey();
      const answers = ['', 'not the password', PASSWORD];
      const password = vi.fn(async (_request: PasswordRequest) => answers.shift() ?? '');
      const created = await registerPasskey({
        fetcher,
        rp,
        credentialName: 'Laptop',
        credentials: softwareCredentials(ORIGIN),
        userActionSigner: createPasswordProtectedKeyUserActionSigner({ password, origin: ORIGIN }),
      });
      expect(created.name).toBe('Laptop');
      // Each time asked again with the refusal of the one before: an empty one, then a wrong one.
      const requests = password.mock.calls.map(([request]) => request);
      expect(requests.map((request) => request.error?.code)).toEqual([undefined, 'invalid-input', 'wrong-password']);
      expect(requests.every((request) => request.credentialId === ppkId)).toBe(true);
    },
    SLOW,
  );

  it(
    'should end wrong-password after three wrong passwords, posting no signature and storing nothing',
    async () => {
      const { fetcher, sent } = await userWithPasswordProtectedKey();
      const before = sent.length;
      const password = vi.fn(async () => 'not the password');
      const error = await credkitRejection(
        registerPasskey({
          fetcher,
          rp,
          credentialName: 'Laptop',
          credentials: softwareCredentials(ORIGIN),
          userActionSigner: createPasswordProtectedKeyUserActionSigner({ password, origin: ORIGIN }),
        }),
      );
      expect([error.code, error.phase]).toEqual(['wrong-password', 'signing']);
      expect(password).toHaveBeenCalledTimes(3);
      // The challenge was asked for, and nothing after it: no signature, no credential.
      expect(sent.slice(before).map((request) => request.path)).toEqual([
        '/auth/credentials/init',
        '/auth/action/init',
      ]);
      expect((await listCredentials(fetcher)).map((credential) => credential.kind)).toEqual([
        'Key',
        'PasswordProtectedKey',
      ]);
    },
    SLOW,
  );

  it('should say no-signing-credential for an account without a password-protected key, never asking', async () => {
    const { fetcherWith, anonymous } = inProcessMock({ origins: [ORIGIN], rpId: 'localhost' });
    const { token } = await signUpWithKey(anonymous, fetcherWith);
    const password = vi.fn(async () => PASSWORD);
    const error = await credkitRejection(
      registerPasskey({
        fetcher: fetcherWith(token),
        rp,
        credentialName: 'Laptop',
        credentials: softwareCredentials(ORIGIN),
        userActionSigner: createPasswordProtectedKeyUserActionSigner({ password, origin: ORIGIN }),
      }),
    );
    expect([error.code, error.phase]).toEqual(['no-signing-credential', 'signing']);
    expect(password).not.toHaveBeenCalled();
  });

  it(
    'should make the account password-key-only, then add a passkey through the fallback signer',
    async () => {
      const { fetcher, keyId } = await userWithPasswordProtectedKey();
      const password = vi.fn(async () => PASSWORD);
      const passwordKey = createPasswordProtectedKeyUserActionSigner({ password, origin: ORIGIN });
      const key = (await listCredentials(fetcher)).find((credential) => credential.credentialId === keyId);
      // The password-protected key confirms the Key's deactivation: it is then the only way in.
      await setCredentialActive({
        fetcher,
        credentialUuid: key?.credentialUuid ?? '',
        active: false,
        userActionSigner: passwordKey,
      });

      // Passkeys first: the account has none, so the password-protected key signs.
      const laptop = softwareCredentials(ORIGIN);
      const signer = createFallbackUserActionSigner([
        createWebAuthnUserActionSigner({ rpId: rp.id, credentials: laptop }),
        passwordKey,
      ]);
      await registerPasskey({ fetcher, rp, credentialName: 'Laptop', credentials: laptop, userActionSigner: signer });
      expect(password).toHaveBeenCalledTimes(2);

      // Now a passkey is there: it confirms the next change, and no password is asked.
      await registerPasskey({ fetcher, rp, credentialName: 'Laptop 2', credentials: laptop, userActionSigner: signer });
      expect(password).toHaveBeenCalledTimes(2);
      const listed = await listCredentials(fetcher);
      expect(listed.filter((credential) => credential.isActive).map((credential) => credential.kind)).toEqual([
        'PasswordProtectedKey',
        'Fido2',
        'Fido2',
      ]);
    },
    SLOW,
  );
});
