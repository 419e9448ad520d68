import { fromBase64url } from '../encoding/base64url.ts';

/** A CBOR item's head: its major type, its argument and where its content starts (RFC 8949 §3). */
function readHead(bytes: Uint8Array, offset: number): { major: number; argument: number; next: number } {
  const initial = bytes[offset];
  if (initial === undefined) throw new RangeError('truncated CBOR');
  const major = initial >> 5;
  const info = initial & 0x1f;
  if (info < 24) return { major, argument: info, next: offset + 1 };
  // 24, 25, 26: a 1-, 2- or 4-byte argument. 27 (8 bytes) and indefinite lengths do not occur in an
  // attestationObject a browser encodes (CTAP2 canonical CBOR); refused rather than guessed.
  const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : 0;
  if (size === 0 || offset + 1 + size > bytes.length) throw new RangeError('unsupported CBOR');
  let argument = 0;
  for (let index = 1; index <= size; index++) argument = argument * 256 + (bytes[offset + index] as number);
  return { major, argument, next: offset + 1 + size };
}

/** The offset right after the CBOR item at `offset`. */
function skipItem(bytes: Uint8Array, offset: number): number {
  const { major, argument, next } = readHead(bytes, offset);
  if (major === 2 || major === 3) return next + argument;
  if (major === 4 || major === 5) {
    let end = next;
    for (let index = 0; index < argument * (major === 5 ? 2 : 1); index++) end = skipItem(bytes, end);
    return end;
  }
  if (major === 6) return skipItem(bytes, next);
  return next;
}

const AUTH_DATA_KEY = 'authData';
// rpIdHash (32) + flags (1) + signCount (4), then the attested credential data: the AAGUID (16).
const AAGUID_OFFSET = 37;
const ATTESTED_CREDENTIAL_DATA = 0x40;

/**
 * The AAGUID of a new passkey, read from the `authData` of its attestationObject (base64url, as in
 * Dfns's `attestationData`), as a lowercase UUID; `undefined` when the authenticator gave none (all
 * zeros, as with `attestation: 'none'` on some clients) or the bytes are not an attestationObject.
 */
export function aaguidFromAttestation(attestationData: string): string | undefined {
  try {
    const bytes = fromBase64url(attestationData);
    const map = readHead(bytes, 0);
    if (map.major !== 5) return undefined;
    let offset = map.next;
    for (let entry = 0; entry < map.argument; entry++) {
      const key = readHead(bytes, offset);
      const valueOffset = skipItem(bytes, offset);
      const isAuthData =
        key.major === 3 &&
        new TextDecoder().decode(bytes.subarray(key.next, key.next + key.argument)) === AUTH_DATA_KEY;
      if (isAuthData) {
        const value = readHead(bytes, valueOffset);
        if (value.major !== 2) return undefined;
        const authData = bytes.subarray(value.next, value.next + value.argument);
        if (((authData[32] ?? 0) & ATTESTED_CREDENTIAL_DATA) === 0 || authData.length < AAGUID_OFFSET + 16) {
          return undefined;
        }
        const hex = Array.from(authData.subarray(AAGUID_OFFSET, AAGUID_OFFSET + 16), (byte) =>
          byte.toString(16).padStart(2, '0'),
        ).join('');
        if (/^0+$/.test(hex)) return undefined;
        return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
      }
      offset = skipItem(bytes, valueOffset);
    }
  } catch {
    // Not base64url, or not CBOR this reader knows: no AAGUID to name the provider by.
  }
  return undefined;
}
