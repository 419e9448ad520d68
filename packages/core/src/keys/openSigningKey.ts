import { CredkitError } from '../errors/credkitError.ts';
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
