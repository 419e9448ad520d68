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
