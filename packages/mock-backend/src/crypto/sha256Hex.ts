import { isoUint8Array } from '@simplewebauthn/server/helpers';

/** The SHA-256 of `bytes`, in lowercase hex, by the platform's WebCrypto. */
export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return isoUint8Array.toHex(new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes)));
}
