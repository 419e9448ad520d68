import { isoBase64URL } from '@simplewebauthn/server/helpers';
import { randomBytes } from '../crypto/randomBytes.ts';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

function randomAlnum(length: number): string {
  return Array.from(randomBytes(length), (byte) => ALPHABET[byte % ALPHABET.length]).join('');
}

/** A Dfns-looking id: `prefix-xxxxx-xxxxx-xxxxxxxxxxxxxxxx`, e.g. `cr-34514-nip9c-8bppvgqgj28dbodrc`. */
export function dfnsId(prefix: 'us' | 'cr' | 'or'): string {
  return `${prefix}-${randomAlnum(5)}-${randomAlnum(5)}-${randomAlnum(16)}`;
}

/** base64url of `size` random bytes. */
export function randomToken(size = 32): string {
  return isoBase64URL.fromBuffer(randomBytes(size));
}
