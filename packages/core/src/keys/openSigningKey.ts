import { CredkitError } from '../errors/credkitError.ts';
import type { AllowedCredential } from '../userAction/userAction.ts';
import { unwrapPrivateKey } from './privateKeyWrapping.ts';

/**
 * Opens an `encryptedPrivateKey` the server sent (a recovery key, a PasswordProtectedKey) to sign a
 * challenge with: a secret that does not open it is `wrong-password` in the phase `signing`; a blob
 * that cannot be used came with the challenge (`invalid-challenge`, phase `challenge`).
 */
export function openSigningKey(encryptedPrivateKey: string, secret: string): Promise<CryptoKey> {
  return unwrapPrivateKey(encryptedPrivateKey, secret).catch((error: unknown) => {
    if (error instanceof CredkitError) error.phase ??= error.code === 'invalid-challenge' ? 'challenge' : 'signing';
    throw error;
  });
}

/**
 * The first of the user's PasswordProtectedKeys (as a challenge lists them) that `password` opens,
 * with its signing key: `wrong-password` when it opens none, as {@link openSigningKey} says it.
 * Keys listed without their `encryptedPrivateKey` are skipped; callers check there is one.
 */
export async function openAnySigningKey(
  keys: readonly AllowedCredential[],
  password: string,
): Promise<{ credId: string; privateKey: CryptoKey }> {
  let refusal: unknown = new CredkitError('wrong-password', { phase: 'signing' });
  for (const { id, encryptedPrivateKey } of keys) {
    if (!encryptedPrivateKey) continue;
    try {
      return { credId: id, privateKey: await openSigningKey(encryptedPrivateKey, password) };
    } catch (error) {
      if (!(error instanceof CredkitError && error.code === 'wrong-password')) throw error;
      refusal = error;
    }
  }
  throw refusal;
}
