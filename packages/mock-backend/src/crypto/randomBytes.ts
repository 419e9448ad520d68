/** `size` random bytes from the platform's WebCrypto (Node ≥ 20 and browsers alike). */
export function randomBytes(size: number): Uint8Array<ArrayBuffer> {
  return globalThis.crypto.getRandomValues(new Uint8Array(size));
}
