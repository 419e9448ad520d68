import { fromBinaryString, toBinaryString } from './binaryString.ts';

/** Standard base64 (RFC 4648 §4, padded) of the bytes. */
export function toBase64(bytes: ArrayBuffer | Uint8Array): string {
  return btoa(toBinaryString(new Uint8Array(bytes)));
}

/** The bytes of a standard base64 string; throws a TypeError when it is not base64. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  let binary: string;
  try {
    binary = atob(text);
  } catch (error) {
    throw new TypeError('not a base64 string', { cause: error });
  }
  return fromBinaryString(binary);
}
