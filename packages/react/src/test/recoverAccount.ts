import type { FetcherRequest } from '@credkit/core';
import { wrapPrivateKey } from '@credkit/core/keys';
import { challengeResponse, fakeCredentials, fakeFetcher } from './utils.tsx';

export const RECOVERY_CODE = 'D1-7H2QK-M9XTE-0RB4W-ABCDE-FGHJK-MNPQR';
export const RECOVERY_KEY_ID = 'rk-credential-id';

/** A RecoveryKey's private key wrapped under {@link RECOVERY_CODE}, as Dfns stores it. */
export async function encryptedRecoveryKey(): Promise<string> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const pkcs8 = await crypto.subtle.exportKey('pkcs8', pair.privateKey);
  return wrapPrivateKey(pkcs8, RECOVERY_CODE);
}

const loginChallenge = {
  challenge: 'login',
  challengeIdentifier: 'ci-login',
  userVerification: 'required',
  allowCredentials: { webauthn: [], key: [] },
};

const assertion = {
  rawId: new Uint8Array([1, 2, 3]).buffer,
  response: {
    clientDataJSON: new Uint8Array([4]).buffer,
    authenticatorData: new Uint8Array([5]).buffer,
    signature: new Uint8Array([6]).buffer,
  },
} as unknown as Credential;

/** A fake Dfns backend for the recovery routes (and sign-in), each answer overridable. */
export function recoveryBackend(
  encryptedKey: string,
  overrides: Parameters<typeof fakeFetcher>[0] = {},
): ReturnType<typeof fakeFetcher> {
  return fakeFetcher({
    'POST /auth/recover/user/code': () => ({ message: 'sent' }),
    'POST /auth/recover/user/init': () => ({
      ...challengeResponse,
      temporaryAuthenticationToken: 'ci-1',
      allowedRecoveryCredentials: [{ id: RECOVERY_KEY_ID, encryptedRecoveryKey: encryptedKey }],
    }),
    'POST /auth/recover/user': (request: FetcherRequest) => {
      const body = request.body as { newCredentials: { firstFactorCredential: { credentialName: string } } };
      return {
        credential: { uuid: 'cr-new', kind: 'Fido2', name: body.newCredentials.firstFactorCredential.credentialName },
        user: { id: 'us-1', username: 'ada@example.com', orgId: 'or-1' },
      };
    },
    'POST /auth/login/init': () => loginChallenge,
    'POST /auth/login': () => ({ token: 'new-token' }),
    ...overrides,
  });
}

/** Credentials that create the new passkey and sign in with it. */
export function recoveryCredentials(create?: Parameters<typeof fakeCredentials>[0]) {
  return { ...fakeCredentials(create), get: async () => assertion };
}

/** A server refusal as the Dfns SDK throws it. */
export const refusal = (status: number, message: string) => () => {
  throw Object.assign(new Error(message), { httpStatus: status, context: { body: { error: { message } } } });
};
