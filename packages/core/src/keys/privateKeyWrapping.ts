import { isRecord } from '../dfns/shape.ts';
import { fromBase64, toBase64 } from '../encoding/base64.ts';
import { utf8 } from '../encoding/base64url.ts';
import { CredkitError } from '../errors/credkitError.ts';
import { KEY_ALGORITHM } from './keyCredentialInfo.ts';

/** PBKDF2-SHA256 iterations credkit uses to wrap a private key (OWASP's 2023 figure); fewer are refused. */
export const MIN_WRAP_ITERATIONS = 600_000;

/**
 * The decoded form of `encryptedPrivateKey`: everything needed to unwrap it with the secret.
 * On the wire it is standard base64 of this object's JSON.
 */
export interface WrappedPrivateKey {
  /** Format version. */
  v: 1;
  /** What the ciphertext holds. */
  format: 'pkcs8';
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  cipher: { name: 'AES-GCM'; length: 256; iv: string };
  /** base64 of the AES-GCM ciphertext (with its 16-byte tag) of the PKCS#8 private key. */
  ciphertext: string;
}

async function deriveWrappingKey(secret: string, salt: Uint8Array<ArrayBuffer>, iterations: number) {
  const material = await crypto.subtle.importKey('raw', utf8(secret), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/**
 * Encrypts a PKCS#8 private key under a secret (a password or a recovery code): AES-GCM-256 with a
 * key from PBKDF2-SHA256 (random 16-byte salt, `iterations` ≥ 600,000), random 12-byte IV.
 * Returns the standard-base64 `encryptedPrivateKey` Dfns stores; the secret never leaves the browser.
 */
export async function wrapPrivateKey(
  pkcs8: ArrayBuffer,
  secret: string,
  { iterations = MIN_WRAP_ITERATIONS }: { iterations?: number } = {},
): Promise<string> {
  if (!Number.isInteger(iterations) || iterations < MIN_WRAP_ITERATIONS) {
    throw new CredkitError('invalid-input', {
      message: `PBKDF2 needs at least ${MIN_WRAP_ITERATIONS} iterations, got ${iterations}.`,
    });
  }
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await deriveWrappingKey(secret, salt, iterations);
  const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, pkcs8);
  const wrapped: WrappedPrivateKey = {
    v: 1,
    format: 'pkcs8',
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
    cipher: { name: 'AES-GCM', length: 256, iv: toBase64(iv) },
    ciphertext: toBase64(ciphertext),
  };
  return toBase64(utf8(JSON.stringify(wrapped)));
}

function parseWrapped(encryptedPrivateKey: string): WrappedPrivateKey {
  const invalid = () =>
    new CredkitError('invalid-input', {
      message: 'This encryptedPrivateKey was not made by credkit (unknown format).',
    });
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(fromBase64(encryptedPrivateKey)));
  } catch (error) {
    throw Object.assign(invalid(), { cause: error });
  }
  const kdf = isRecord(value) && isRecord(value.kdf) ? value.kdf : undefined;
  const cipher = isRecord(value) && isRecord(value.cipher) ? value.cipher : undefined;
  if (
    !isRecord(value) ||
    value.v !== 1 ||
    value.format !== 'pkcs8' ||
    typeof value.ciphertext !== 'string' ||
    kdf?.name !== 'PBKDF2' ||
    kdf.hash !== 'SHA-256' ||
    typeof kdf.iterations !== 'number' ||
    typeof kdf.salt !== 'string' ||
    cipher?.name !== 'AES-GCM' ||
    cipher.length !== 256 ||
    typeof cipher.iv !== 'string'
  ) {
    throw invalid();
  }
  return value as unknown as WrappedPrivateKey;
}

/**
 * Opens an `encryptedPrivateKey` made by {@link wrapPrivateKey}: returns the PKCS#8 bytes.
 * A wrong secret (or a tampered ciphertext, which AES-GCM cannot tell apart) throws `wrong-password`.
 */
export async function unwrapPrivateKeyBytes(encryptedPrivateKey: string, secret: string): Promise<ArrayBuffer> {
  const wrapped = parseWrapped(encryptedPrivateKey);
  const key = await deriveWrappingKey(secret, fromBase64(wrapped.kdf.salt), wrapped.kdf.iterations);
  try {
    return await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(wrapped.cipher.iv) },
      key,
      fromBase64(wrapped.ciphertext),
    );
  } catch (error) {
    throw new CredkitError('wrong-password', { cause: error });
  }
}

/** Opens an `encryptedPrivateKey` into a non-extractable ECDSA P-256 signing key. */
export async function unwrapPrivateKey(encryptedPrivateKey: string, secret: string): Promise<CryptoKey> {
  const pkcs8 = await unwrapPrivateKeyBytes(encryptedPrivateKey, secret);
  return crypto.subtle.importKey('pkcs8', pkcs8, KEY_ALGORITHM, false, ['sign']);
}
