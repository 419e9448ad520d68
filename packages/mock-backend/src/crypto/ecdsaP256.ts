import { pemToSpki, spkiKeyKind } from './spki.ts';
import { derEcdsaSignatureToP1363 } from './strictDer.ts';

const ECDSA_P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;

/** An SPKI PEM imported as an ECDSA P-256 verification key, or why it could not be. */
export type P256KeyImport = { key: CryptoKey } | { refused: 'not-pem-public-key' | 'not-p256' };

/**
 * Imports a `PUBLIC KEY` PEM (SPKI) as an ECDSA P-256 key with WebCrypto: refused as `not-p256` when it
 * holds another kind of key, as `not-pem-public-key` when it is not a valid public key at all.
 */
export async function importP256PublicKey(pem: string): Promise<P256KeyImport> {
  const spki = pemToSpki(pem);
  const kind = spki && spkiKeyKind(spki);
  if (kind === 'other' || kind === 'ed25519') return { refused: 'not-p256' };
  if (!spki || !kind) return { refused: 'not-pem-public-key' };
  try {
    return { key: await globalThis.crypto.subtle.importKey('spki', spki, ECDSA_P256, true, ['verify']) };
  } catch {
    return { refused: 'not-pem-public-key' }; // e.g. a point that is not on the curve
  }
}

/**
 * Verifies a DER ECDSA-SHA256 signature over `data`. WebCrypto verifies `r || s`, so the DER is
 * converted first, and refused unless strict: as with OpenSSL's DER verification in Node, a flipped tag
 * or length bit that leaves r and s unchanged still fails.
 */
export async function verifyDerEcdsaSha256(
  key: CryptoKey,
  signature: Uint8Array,
  data: Uint8Array<ArrayBuffer>,
): Promise<boolean> {
  const p1363 = derEcdsaSignatureToP1363(signature, 32);
  if (!p1363) return false;
  try {
    return await globalThis.crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, p1363, data);
  } catch {
    return false;
  }
}
