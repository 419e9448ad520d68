// Our own codec, not @simplewebauthn/browser's helpers: importing those bundles its module-level
// WebAuthnAbortService singleton too (the package has no `sideEffects: false`). Same bytes, same errors.
import { fromBinaryString, toBinaryString } from './binaryString.ts';

/** True for an ArrayBuffer from any realm (an iframe's, a test environment's), where `instanceof` fails. */
export function isArrayBuffer(value: unknown): value is ArrayBuffer {
  return Object.prototype.toString.call(value) === '[object ArrayBuffer]';
}

/** base64url (RFC 4648 §5), unpadded, of the bytes. */
export function toBase64url(bytes: ArrayBuffer | ArrayBufferView): string {
  const view = isArrayBuffer(bytes)
    ? new Uint8Array(bytes)
    : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return btoa(toBinaryString(view)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=/g, '');
}

/** The bytes of a base64url string (padding tolerated). Throws on characters outside the alphabet. */
export function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(text)) throw new TypeError('not a base64url string');
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  // atob throws (InvalidCharacterError) on a length that is 1 mod 4, as before.
  const binary = atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '='));
  return fromBinaryString(binary);
}

/** The UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}
