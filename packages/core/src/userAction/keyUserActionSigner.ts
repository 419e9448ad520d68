import { toBase64url } from '../encoding/base64url.ts';
import { rawSignatureToDer } from '../encoding/derSignature.ts';
import { CredkitError } from '../errors/credkitError.ts';
import { keyClientData, pageOrigin } from '../keys/keyClientData.ts';
import { type UserActionSignerWithProtocol, withUserActionProtocol } from './userAction.ts';

/** Options of {@link createKeyUserActionSigner}. */
export interface KeyUserActionSignerOptions {
  /** The credential id the key was registered under. */
  credId: string;
  /** Its ECDSA P-256 private key (non-extractable is fine). */
  privateKey: CryptoKey;
  /** The kind it was registered as. @defaultValue "Key" */
  kind?: 'Key' | 'PasswordProtectedKey';
  /** The origin written into clientData. @defaultValue location.origin */
  origin?: string;
}

/**
 * A key credential's assertion of a Dfns challenge (a user action, a login, a recovery): ECDSA P-256,
 * SHA-256, over the bytes of clientData `{"type":"key.get","challenge":base64url(UTF-8(challenge)),…}`;
 * the signature DER, everything base64url.
 */
export async function signKeyAssertion(
  challenge: string,
  { credId, privateKey, origin }: Pick<KeyUserActionSignerOptions, 'credId' | 'privateKey' | 'origin'>,
): Promise<{ credId: string; clientData: string; signature: string }> {
  const clientData = keyClientData('key.get', challenge, origin ?? pageOrigin());
  const raw = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, privateKey, clientData);
  return { credId, clientData: toBase64url(clientData), signature: toBase64url(rawSignatureToDer(raw)) };
}

/**
 * A user-action signer for a key credential held by the host: signs (ECDSA P-256, SHA-256, DER,
 * base64url) the bytes of clientData `{"type":"key.get","challenge":base64url(UTF-8(challenge)),…}`,
 * the challenge encoded as in every credkit clientData.
 */
export function createKeyUserActionSigner({
  credId,
  privateKey,
  kind = 'Key',
  origin,
}: KeyUserActionSignerOptions): UserActionSignerWithProtocol {
  return withUserActionProtocol({
    async sign(challenge) {
      const allowed =
        kind === 'Key' ? challenge.allowCredentials.key : (challenge.allowCredentials.passwordProtectedKey ?? []);
      if (!allowed.some((credential) => credential.id === credId)) {
        throw new CredkitError('no-signing-credential', {
          phase: 'signing',
          message: `The key ${credId} is not one the server accepts for this change.`,
        });
      }
      return { kind, credentialAssertion: await signKeyAssertion(challenge.challenge, { credId, privateKey, origin }) };
    },
  });
}
