import { isRecord } from '../dfns/isRecord.ts';
import { fromBase64, toBase64 } from '../encoding/base64.ts';
import { utf8 } from '../encoding/base64url.ts';
import { CredkitError } from '../errors/credkitError.ts';
import { serverValueInMessage } from '../errors/serverValueInMessage.ts';
import { KEY_ALGORITHM } from './keyCredentialInfo.ts';

/** PBKDF2-SHA256 iterations credkit uses to wrap a private key (OWASP's 2023 figure); fewer are refused. */
export const MIN_WRAP_ITERATIONS = 600_000;

/**
 * The most PBKDF2-SHA256 iterations credkit wraps or unwraps with; more are refused. The count of a
 * key being opened comes from the server: without a ceiling, a blob asking for 2e9 iterations keeps
 * the page deriving for many minutes. 10 million (about 16 times the minimum) take a few seconds on a
 * laptop and under half a minute on a slow phone, and leave room to raise the cost as hardware gets faster.
 */
export const MAX_WRAP_ITERATIONS = 10_000_000;

/**
 * The decoded form of `encryptedPrivateKey`: everything needed to unwrap it with the secret.
 * On the wire it is standard base64 of this object's JSON.
 */
export interface WrappedPrivateKey {
  /** Format version. */
  v: 1;
  /** What the ciphertext holds. */
  format: 'pkcs8';
  /** The secret (in Unicode NFC, UTF-8) → the AES key: 600,000 to 10,000,000 iterations, salt of 16 bytes or more. */
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  cipher: { name: 'AES-GCM'; length: 256; iv: string };
  /** base64 of the AES-GCM ciphertext (with its 16-byte tag) of the PKCS#8 private key. */
  ciphertext: string;
}

function checkIterations(iterations: unknown, fail: (message: string) => CredkitError): number {
  if (
    typeof iterations !== 'number' ||
    !Number.isInteger(iterations) ||
    iterations < MIN_WRAP_ITERATIONS ||
    iterations > MAX_WRAP_ITERATIONS
  ) {
    throw fail(
      `PBKDF2 iterations must be a whole number from ${MIN_WRAP_ITERATIONS} to ${MAX_WRAP_ITERATIONS}, got ${serverValueInMessage(iterations)}.`,
    );
  }
  return iterations;
}

/** Runs a WebCrypto step; its failure (a DOMException) becomes a CredkitError that says which step. */
async function webCrypto<T>(step: string, run: () => Promise<T>): Promise<T> {
  if (typeof crypto === 'undefined' || !crypto.subtle) {
    throw new CredkitError('unsupported', { message: 'WebCrypto is unavailable here (the page is not secure?).' });
  }
  try {
    return await run();
  } catch (cause) {
    throw new CredkitError('unknown', { message: `WebCrypto could not ${step}.`, cause });
  }
}

// The secret as PBKDF2 reads it: "café" typed composed (U+00E9) or decomposed (e + U+0301) is the
// same password to the person, so it must be the same key. Unicode NFC, then UTF-8.
function secretBytes(secret: string): Uint8Array<ArrayBuffer> {
  return utf8(secret.normalize('NFC'));
}

function deriveWrappingKey(secret: Uint8Array<ArrayBuffer>, salt: Uint8Array<ArrayBuffer>, iterations: number) {
  return webCrypto('derive the wrapping key', async () => {
    const material = await crypto.subtle.importKey('raw', secret, 'PBKDF2', false, ['deriveKey']);
    return crypto.subtle.deriveKey(
      { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
      material,
      { name: 'AES-GCM', length: 256 },
      false,
      ['encrypt', 'decrypt'],
    );
  });
}

/**
 * Encrypts a PKCS#8 private key under a secret (a password or a recovery code, read in Unicode NFC):
 * AES-GCM-256 with a key from PBKDF2-SHA256 (random 16-byte salt, `iterations` from 600,000 to
 * 10,000,000), random 12-byte IV. Returns the standard-base64 `encryptedPrivateKey` Dfns stores; the
 * secret never leaves the browser. Other iteration counts throw `invalid-input`.
 */
export async function wrapPrivateKey(
  pkcs8: ArrayBuffer,
  secret: string,
  { iterations = MIN_WRAP_ITERATIONS }: { iterations?: number } = {},
): Promise<string> {
  checkIterations(iterations, (message) => new CredkitError('invalid-input', { message }));
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await deriveWrappingKey(secretBytes(secret), salt, iterations);
  const ciphertext = await webCrypto('encrypt the private key', () =>
    crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, pkcs8),
  );
  const wrapped: WrappedPrivateKey = {
    v: 1,
    format: 'pkcs8',
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
    cipher: { name: 'AES-GCM', length: 256, iv: toBase64(iv) },
    ciphertext: toBase64(ciphertext),
  };
  return toBase64(utf8(JSON.stringify(wrapped)));
}

/** An `encryptedPrivateKey` decoded and checked: its numbers in range, its bytes of the right sizes. */
interface OpenableKey {
  iterations: number;
  salt: Uint8Array<ArrayBuffer>;
  iv: Uint8Array<ArrayBuffer>;
  ciphertext: Uint8Array<ArrayBuffer>;
}

// The blob comes from the server (a PasswordProtectedKey's, or a recovery challenge's recovery key):
// one that cannot be used is the server's data at fault, as with a malformed challenge.
const unusable = (problem: string, cause?: unknown) =>
  new CredkitError('invalid-challenge', { message: `The encrypted private key cannot be used: ${problem}`, cause });

function bytesOf(value: string, name: string): Uint8Array<ArrayBuffer> {
  try {
    return fromBase64(value);
  } catch (error) {
    throw unusable(`its ${name} is not base64.`, error);
  }
}

function parseWrapped(encryptedPrivateKey: string): OpenableKey {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(fromBase64(encryptedPrivateKey)));
  } catch (error) {
    throw unusable('it was not made by credkit (unknown format).', error);
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
    typeof kdf.salt !== 'string' ||
    cipher?.name !== 'AES-GCM' ||
    cipher.length !== 256 ||
    typeof cipher.iv !== 'string'
  ) {
    throw unusable('it was not made by credkit (unknown format).');
  }
  const iterations = checkIterations(kdf.iterations, (message) => unusable(message));
  const salt = bytesOf(kdf.salt, 'salt');
  const iv = bytesOf(cipher.iv, 'IV');
  const ciphertext = bytesOf(value.ciphertext, 'ciphertext');
  if (salt.length < 16) throw unusable(`its salt has ${salt.length} bytes, fewer than 16.`);
  if (iv.length !== 12) throw unusable(`its AES-GCM IV has ${iv.length} bytes, not 12.`);
  if (ciphertext.length <= 16) throw unusable('its ciphertext is too short to hold a key.');
  return { iterations, salt, iv, ciphertext };
}

/** The PKCS#8 bytes under `secret`, or undefined when it does not open them (AES-GCM's tag does not match). */
async function decrypt({ iterations, salt, iv, ciphertext }: OpenableKey, secret: Uint8Array<ArrayBuffer>) {
  const key = await deriveWrappingKey(secret, salt, iterations);
  return crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, ciphertext).catch(() => undefined);
}

/**
 * Opens an `encryptedPrivateKey` made by {@link wrapPrivateKey}: returns the PKCS#8 bytes. A wrong
 * secret (or a tampered ciphertext, which AES-GCM cannot tell apart) throws `wrong-password`; a blob
 * that cannot be used (unknown format, iterations outside 600,000–10,000,000) `invalid-challenge`.
 */
export async function unwrapPrivateKeyBytes(encryptedPrivateKey: string, secret: string): Promise<ArrayBuffer> {
  const wrapped = parseWrapped(encryptedPrivateKey);
  const pkcs8 =
    (await decrypt(wrapped, secretBytes(secret))) ??
    // credkit 0.1.0 wrapped the secret as typed: a key it wrapped under a decomposed "café" opens as it did.
    (secret.normalize('NFC') !== secret ? await decrypt(wrapped, utf8(secret)) : undefined);
  if (!pkcs8) throw new CredkitError('wrong-password');
  return pkcs8;
}

/**
 * Opens an `encryptedPrivateKey` into a non-extractable ECDSA P-256 signing key. Throws as
 * {@link unwrapPrivateKeyBytes} does, and `invalid-challenge` when what opens is not a P-256 key.
 */
export async function unwrapPrivateKey(encryptedPrivateKey: string, secret: string): Promise<CryptoKey> {
  const pkcs8 = await unwrapPrivateKeyBytes(encryptedPrivateKey, secret);
  try {
    return await crypto.subtle.importKey('pkcs8', pkcs8, KEY_ALGORITHM, false, ['sign']);
  } catch (error) {
    throw unusable('it opens, but holds no P-256 private key.', error);
  } finally {
    new Uint8Array(pkcs8).fill(0);
  }
}
