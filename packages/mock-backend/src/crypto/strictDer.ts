function readInteger(bytes: Uint8Array, offset: number): number | undefined {
  if (bytes[offset] !== 0x02) return undefined;
  const length = bytes[offset + 1] ?? 0;
  const first = bytes[offset + 2];
  if (length === 0 || length > 33 || first === undefined) return undefined;
  // Minimal, non-negative: no needless leading zero, no high bit without one.
  if (first & 0x80) return undefined;
  if (first === 0 && length > 1 && !((bytes[offset + 3] ?? 0) & 0x80)) return undefined;
  return offset + 2 + length;
}

/**
 * True when `signature` is an ECDSA signature in strict DER: `SEQUENCE { INTEGER r, INTEGER s }`
 * with exact lengths, minimal integers and nothing after. Lenient parsers accept flipped tag or
 * length bits that leave r and s unchanged; a verifier that wants every bit to count refuses them.
 */
export function isStrictDerEcdsaSignature(signature: Uint8Array): boolean {
  if (signature[0] !== 0x30 || signature[1] !== signature.length - 2 || signature.length > 2 + 2 * 35) return false;
  const afterR = readInteger(signature, 2);
  const afterS = afterR === undefined ? undefined : readInteger(signature, afterR);
  return afterS === signature.length;
}

/**
 * A strict-DER ECDSA signature → IEEE P1363 `r || s`, each left-padded to `size` bytes (32 for P-256):
 * the form WebCrypto verifies. Undefined when the signature is not strict DER or an integer is wider
 * than `size` (then it cannot be below the curve order, and the signature is invalid anyway).
 */
export function derEcdsaSignatureToP1363(signature: Uint8Array, size: number): Uint8Array<ArrayBuffer> | undefined {
  if (!isStrictDerEcdsaSignature(signature)) return undefined;
  const p1363 = new Uint8Array(2 * size);
  let offset = 2;
  for (const half of [0, 1]) {
    const length = signature[offset + 1] ?? 0;
    let integer = signature.subarray(offset + 2, offset + 2 + length);
    offset += 2 + length;
    // Strict DER has a leading zero only before a high bit; P1363 has none.
    if (integer[0] === 0) integer = integer.subarray(1);
    if (integer.length > size) return undefined;
    p1363.set(integer, half * size + size - integer.length);
  }
  return p1363;
}
