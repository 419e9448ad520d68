import { isoUint8Array } from '@simplewebauthn/server/helpers';

// P-256 (SEC 2 §2.4.2, FIPS 186-4 D.1.2.3): y² = x³ − 3x + b over the prime field p.
const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const B = 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn;
/** SEQUENCE { SEQUENCE { id-ecPublicKey, prime256v1 }, BIT STRING (66 bytes: 0, then 0x04) }, before x ‖ y. */
const SPKI_PREFIX = isoUint8Array.fromHex('3059301306072a8648ce3d020106082a8648ce3d03010703420004');

function toBigInt(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}

/**
 * The SPKI DER of a P-256 public key from its affine coordinates (32 bytes each), or undefined when
 * the point is not on the curve (or a coordinate is not below p). Pure arithmetic: the mock meets this
 * key on every Fido2 registration, and a WebCrypto import and export cost more than the verification.
 */
export function p256PointToSpki(x: Uint8Array, y: Uint8Array): Uint8Array<ArrayBuffer> | undefined {
  if (x.length !== 32 || y.length !== 32) return undefined;
  const px = toBigInt(x);
  const py = toBigInt(y);
  if (px >= P || py >= P) return undefined;
  if ((py * py - (px * px * px - 3n * px + B)) % P !== 0n) return undefined;
  const spki = new Uint8Array(SPKI_PREFIX.length + 64);
  spki.set(SPKI_PREFIX);
  spki.set(x, SPKI_PREFIX.length);
  spki.set(y, SPKI_PREFIX.length + 32);
  return spki;
}
