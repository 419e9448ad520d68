/** Bytes drawn from WebCrypto at a time: one call per registration's worth of ids and challenges, not one per id. */
const POOL_SIZE = 4096;
let pool = new Uint8Array(0);
let used = 0;

/**
 * `size` random bytes from the platform's WebCrypto (Node ≥ 20 and browsers alike), served from a
 * pool: each byte is handed out once, and `getRandomValues` costs about as much for 4 KiB as for 32 bytes.
 */
export function randomBytes(size: number): Uint8Array<ArrayBuffer> {
  if (size > POOL_SIZE) return globalThis.crypto.getRandomValues(new Uint8Array(size));
  if (used + size > pool.length) {
    pool = globalThis.crypto.getRandomValues(new Uint8Array(POOL_SIZE));
    used = 0;
  }
  used += size;
  return pool.slice(used - size, used);
}
