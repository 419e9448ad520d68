import { importP256PublicKey, verifyDerEcdsaSha256 } from './ecdsaP256.ts';
import { pemToSpki, spkiKeyKind } from './spki.ts';

/**
 * Verifies a key credential's signature over `data` with its `PUBLIC KEY` PEM: DER ECDSA-SHA256 for a
 * P-256 key (every credential a client registers), or the 64-byte signature of an Ed25519 key (what
 * Dfns recommends for a service account, and what `@dfns/sdk-keysigner` makes with one). False for
 * any other key, and for a signature that does not verify.
 */
export async function verifyKeySignature(
  publicKeyPem: string,
  signature: Uint8Array<ArrayBuffer>,
  data: Uint8Array<ArrayBuffer>,
): Promise<boolean> {
  const spki = pemToSpki(publicKeyPem);
  if (spki && spkiKeyKind(spki) === 'ed25519') {
    try {
      const key = await globalThis.crypto.subtle.importKey('spki', spki, { name: 'Ed25519' }, false, ['verify']);
      return await globalThis.crypto.subtle.verify({ name: 'Ed25519' }, key, signature, data);
    } catch {
      return false; // a runtime without Ed25519 in WebCrypto, or a key it refuses
    }
  }
  const imported = await importP256PublicKey(publicKeyPem);
  return 'key' in imported && verifyDerEcdsaSha256(imported.key, signature, data);
}
