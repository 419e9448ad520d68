import { isoBase64URL } from '@simplewebauthn/server/helpers';
import { randomBytes } from '../crypto/randomBytes.ts';

const LOWER_ALNUM = '0123456789abcdefghijklmnopqrstuvwxyz';
const UPPER_ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** `length` characters of `alphabet`, each equally likely. */
function randomChars(alphabet: string, length: number): string {
  // Bytes at or above the largest multiple of the alphabet's size are dropped: `% size` would favour the first letters.
  const limit = 256 - (256 % alphabet.length);
  let chars = '';
  while (chars.length < length) {
    for (const byte of randomBytes(length)) {
      if (byte < limit && chars.length < length) chars += alphabet[byte % alphabet.length];
    }
  }
  return chars;
}

/** A Dfns-looking id: `prefix-xxxxx-xxxxx-xxxxxxxxxxxxxxxx`, e.g. `cr-34514-nip9c-8bppvgqgj28dbodrc`. */
export function dfnsId(prefix: 'us' | 'cr' | 'or' | 'wa' | 'key'): string {
  return `${prefix}-${randomChars(LOWER_ALNUM, 5)}-${randomChars(LOWER_ALNUM, 5)}-${randomChars(LOWER_ALNUM, 16)}`;
}

/** A one-time code as Dfns shows them, e.g. `A7U-KY6-9PT`: 9 upper-case letters or digits (46 bits). */
export function oneTimeCode(): string {
  return [0, 1, 2].map(() => randomChars(UPPER_ALNUM, 3)).join('-');
}

/** `length` random decimal digits. */
export function randomDigits(length: number): string {
  return randomChars('0123456789', length);
}

/** base64url of `size` random bytes. */
export function randomToken(size = 32): string {
  return isoBase64URL.fromBuffer(randomBytes(size));
}
