import { base64URLStringToBuffer, bufferToBase64URLString } from '@simplewebauthn/browser';

/** True for an ArrayBuffer from any realm (an iframe's, a test environment's), where `instanceof` fails. */
export function isArrayBuffer(value: unknown): value is ArrayBuffer {
  return Object.prototype.toString.call(value) === '[object ArrayBuffer]';
}

/** base64url (RFC 4648 §5), unpadded, of the bytes. */
export function toBase64url(bytes: ArrayBuffer | ArrayBufferView): string {
  const buffer = isArrayBuffer(bytes)
    ? bytes
    : (new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength).slice().buffer as ArrayBuffer);
  return bufferToBase64URLString(buffer);
}

/** The bytes of a base64url string (padding tolerated). Throws on characters outside the alphabet. */
export function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(text)) throw new TypeError('not a base64url string');
  return new Uint8Array(base64URLStringToBuffer(text));
}

/** The UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}
