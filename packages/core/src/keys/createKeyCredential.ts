import type { KeyCredentialInfo } from '../dfns/dfnsTypes.ts';
import { CredkitError } from '../errors/credkitError.ts';
import { inPhase } from '../errors/inPhase.ts';
import { pageOrigin } from './keyClientData.ts';
import { createKeyCredentialInfo, KEY_ALGORITHM } from './keyCredentialInfo.ts';
import { wrapPrivateKey } from './privateKeyWrapping.ts';

/**
 * The origin a key credential is made for (the given one, else the page's), checked before anything
 * is fetched: where WebCrypto or a page is missing, `unsupported`.
 */
export function keyCredentialOrigin(origin: string | undefined = pageOrigin()): string {
  if (typeof crypto === 'undefined' || !crypto.subtle || origin === undefined) {
    throw new CredkitError('unsupported', {
      message: 'This browser cannot create keys here (WebCrypto is unavailable or the page is not secure).',
      phase: 'ceremony',
    });
  }
  return origin;
}

/** What {@link createKeyCredential} needs. */
export interface CreateKeyCredentialOptions {
  /** The Dfns challenge string. */
  challenge: string;
  /** The origin written into clientData (see {@link keyCredentialOrigin}). */
  origin: string;
  /** PasswordProtectedKey, RecoveryKey: the password or recovery code the private key is wrapped under. */
  secret?: string;
  /** PBKDF2 iterations for the wrapping key. @defaultValue 600000 */
  iterations?: number;
  /** The credential's ID, when chosen beforehand (a recovery key's, shown with its code). @defaultValue a new one */
  credId?: string;
}

/** A key credential made in the browser. */
export interface CreatedKeyCredential {
  credentialInfo: KeyCredentialInfo;
  /** The key pair; the private key is not extractable. */
  keyPair: CryptoKeyPair;
  /** With a secret: the wrapped private key, for the server to store. */
  encryptedPrivateKey?: string;
}

async function createKeyPair(secret: string | undefined, iterations: number | undefined) {
  if (secret === undefined) {
    // Key: nothing ever needs the private key's bytes.
    const keyPair = await crypto.subtle.generateKey(KEY_ALGORITHM, false, ['sign', 'verify']);
    return { keyPair, encryptedPrivateKey: undefined };
  }
  const extractable = await crypto.subtle.generateKey(KEY_ALGORITHM, true, ['sign', 'verify']);
  const pkcs8 = await crypto.subtle.exportKey('pkcs8', extractable.privateKey);
  try {
    const encryptedPrivateKey = await wrapPrivateKey(pkcs8, secret, { iterations });
    // The host's copy of the private key cannot be exported again.
    const privateKey = await crypto.subtle.importKey('pkcs8', pkcs8, KEY_ALGORITHM, false, ['sign']);
    return { keyPair: { publicKey: extractable.publicKey, privateKey }, encryptedPrivateKey };
  } finally {
    new Uint8Array(pkcs8).fill(0);
  }
}

/**
 * The ceremony of every key flow: an ECDSA P-256 key pair (wrapped under `secret` when given) and
 * its signed Dfns `credentialInfo` for `challenge`. No secret and no unwrapped private key leaves it.
 */
export async function createKeyCredential({
  challenge,
  origin,
  secret,
  iterations,
  credId,
}: CreateKeyCredentialOptions): Promise<CreatedKeyCredential> {
  const { keyPair, encryptedPrivateKey } = await inPhase('ceremony', () => createKeyPair(secret, iterations));
  const credentialInfo = await createKeyCredentialInfo({ challenge, origin, keyPair, credId });
  return { credentialInfo, keyPair, ...(encryptedPrivateKey !== undefined && { encryptedPrivateKey }) };
}
