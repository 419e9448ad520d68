function derInteger(bytes: Uint8Array): number[] {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start += 1;
  const trimmed = [...bytes.subarray(start)];
  // A set high bit would make the INTEGER negative: prefix a zero byte.
  if ((trimmed[0] ?? 0) & 0x80) trimmed.unshift(0);
  return [0x02, trimmed.length, ...trimmed];
}

/**
 * A WebCrypto ECDSA signature (IEEE P1363: r ‖ s) → ASN.1 DER `SEQUENCE { INTEGER r, INTEGER s }`,
 * the form Dfns and OpenSSL verify. P-256 only (lengths fit in one byte).
 */
export function rawSignatureToDer(raw: ArrayBuffer | Uint8Array): Uint8Array {
  const bytes = new Uint8Array(raw);
  const half = bytes.length / 2;
  const body = [...derInteger(bytes.subarray(0, half)), ...derInteger(bytes.subarray(half))];
  return new Uint8Array([0x30, body.length, ...body]);
}
