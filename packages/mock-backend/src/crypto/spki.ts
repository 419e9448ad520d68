import { isoBase64URL, isoUint8Array } from '@simplewebauthn/server/helpers';

const PEM = /^\s*-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\s]+)-----END PUBLIC KEY-----\s*$/;
const EC_PUBLIC_KEY = '2a8648ce3d0201'; // 1.2.840.10045.2.1
const P256 = '2a8648ce3d030107'; // 1.2.840.10045.3.1.7
const ED25519 = '2b6570'; // 1.3.101.112 (RFC 8410 §3: no parameters)

/** SPKI DER → PEM, exactly as Node's `KeyObject.export({ type: 'spki', format: 'pem' })` writes it. */
export function spkiToPem(spki: Uint8Array<ArrayBuffer>): string {
  const lines = isoBase64URL.fromBuffer(spki, 'base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN PUBLIC KEY-----\n${lines.join('\n')}\n-----END PUBLIC KEY-----\n`;
}

/** An extractable public key as SPKI PEM, as Node's `KeyObject.export({ type: 'spki', format: 'pem' })` writes it. */
export async function exportSpkiPem(key: CryptoKey): Promise<string> {
  return spkiToPem(new Uint8Array(await globalThis.crypto.subtle.exportKey('spki', key)));
}

/** The DER inside a `-----BEGIN PUBLIC KEY-----` PEM (line breaks anywhere), or undefined when it is not one. */
export function pemToSpki(pem: string): Uint8Array<ArrayBuffer> | undefined {
  const base64 = PEM.exec(pem)?.[1]?.replace(/\s+/g, '');
  if (!base64 || base64.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return undefined;
  return new Uint8Array(isoBase64URL.toBuffer(base64, 'base64'));
}

/** One DER element at `offset`: its tag and where its contents start and end (definite lengths up to 64 KiB). */
function element(bytes: Uint8Array, offset: number, end = bytes.length) {
  const tag = bytes[offset];
  let length = bytes[offset + 1];
  let start = offset + 2;
  if (tag === undefined || length === undefined) return undefined;
  if (length & 0x80) {
    const size = length & 0x7f;
    if (size === 0 || size > 2 || start + size > end) return undefined;
    length = 0;
    for (let i = 0; i < size; i++) length = length * 256 + (bytes[start + i] ?? 0);
    start += size;
  }
  return start + length > end ? undefined : { tag, start, end: start + length };
}

/** The kind of key a SubjectPublicKeyInfo holds, and the public key itself (the BIT STRING's bytes). */
export interface SpkiKey {
  kind: 'ecdsa-p256' | 'ed25519' | 'other';
  /** The BIT STRING's contents without its unused-bits byte: an EC point, an Ed25519 key, … */
  publicKey: Uint8Array<ArrayBuffer>;
}

/**
 * Reads a SubjectPublicKeyInfo: `ecdsa-p256` (id-ecPublicKey on prime256v1), `ed25519` (id-Ed25519, a
 * 32-byte key), `other` (any other algorithm); undefined when the bytes are not
 * `SEQUENCE { SEQUENCE { OID, … }, BIT STRING }`.
 */
export function readSpki(spki: Uint8Array<ArrayBuffer>): SpkiKey | undefined {
  const outer = element(spki, 0);
  if (outer?.tag !== 0x30 || outer.end !== spki.length) return undefined;
  const algorithm = element(spki, outer.start, outer.end);
  if (algorithm?.tag !== 0x30) return undefined;
  const key = element(spki, algorithm.end, outer.end);
  if (key?.tag !== 0x03 || key.end !== outer.end || key.start === key.end) return undefined;
  const oid = element(spki, algorithm.start, algorithm.end);
  if (oid?.tag !== 0x06) return undefined;
  const curve = element(spki, oid.end, algorithm.end);
  const hex = (part: { start: number; end: number } | undefined) =>
    part ? isoUint8Array.toHex(spki.subarray(part.start, part.end)) : '';
  const publicKey = spki.slice(key.start + 1, key.end);
  if (hex(oid) === EC_PUBLIC_KEY && curve?.tag === 0x06 && hex(curve) === P256)
    return { kind: 'ecdsa-p256', publicKey };
  const ed25519 = hex(oid) === ED25519 && oid.end === algorithm.end && publicKey.length === 32;
  return { kind: ed25519 ? 'ed25519' : 'other', publicKey };
}

/** The kind of key a SubjectPublicKeyInfo holds ({@link readSpki}), or undefined when it is not one. */
export function spkiKeyKind(spki: Uint8Array<ArrayBuffer>): SpkiKey['kind'] | undefined {
  return readSpki(spki)?.kind;
}
