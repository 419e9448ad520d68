import { p256PointToSpki } from './p256PointToSpki.ts';
import { pemToSpki, readSpki } from './spki.ts';

// Ed25519 (RFC 8032 §5.1): −x² + y² = 1 + d·x²·y² over the prime field p.
const P = 2n ** 255n - 19n;
const D = 37095705934669439343138083508754565189542113879843219016388785533085940283555n;

function power(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  let square = base % P;
  for (let rest = exponent; rest > 0n; rest >>= 1n) {
    if (rest & 1n) result = (result * square) % P;
    square = (square * square) % P;
  }
  return result;
}

/** Whether 32 bytes decode to a point of Ed25519 (RFC 8032 §5.1.3): some x has x² = (y² − 1) / (d·y² + 1). */
function isEd25519Point(key: Uint8Array): boolean {
  let y = 0n;
  for (let index = 31; index >= 0; index--) y = (y << 8n) | BigInt(key[index] ?? 0);
  const sign = y >> 255n;
  y &= (1n << 255n) - 1n;
  if (y >= P) return false;
  const u = (y * y - 1n + P) % P;
  const v = (D * y * y + 1n) % P;
  const xx = (u * power(v, P - 2n)) % P;
  if (xx === 0n) return sign === 0n;
  // Euler's criterion: a square root exists when xx^((p − 1) / 2) is 1.
  return power(xx, (P - 1n) / 2n) === 1n;
}

/**
 * The kind of a `PUBLIC KEY` PEM that can verify key signatures, checked without WebCrypto (so that
 * configuration can be checked synchronously): an ECDSA P-256 key whose uncompressed point is on the
 * curve, or an Ed25519 key that decodes to a point. Undefined for anything else.
 */
export function signingKeyKind(pem: string): 'ecdsa-p256' | 'ed25519' | undefined {
  const spki = pemToSpki(pem);
  const key = spki && readSpki(spki);
  if (key?.kind === 'ed25519') return isEd25519Point(key.publicKey) ? 'ed25519' : undefined;
  if (key?.kind !== 'ecdsa-p256' || key.publicKey.length !== 65 || key.publicKey[0] !== 0x04) return undefined;
  return p256PointToSpki(key.publicKey.subarray(1, 33), key.publicKey.subarray(33)) ? 'ecdsa-p256' : undefined;
}
