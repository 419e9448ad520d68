import { cose, decodeCredentialPublicKey, isoBase64URL } from '@simplewebauthn/server/helpers';
import { p256PointToSpki } from './p256PointToSpki.ts';
import { exportSpkiPem, spkiToPem } from './spki.ts';

const CURVES: Record<number, string> = { 1: 'P-256', 2: 'P-384', 3: 'P-521', 6: 'Ed25519' };

function bytes(map: Map<number, unknown>, label: number): string {
  const value = map.get(label);
  if (!(value instanceof Uint8Array)) throw new Error(`COSE key parameter ${label} is missing`);
  return isoBase64URL.fromBuffer(new Uint8Array(value));
}

type ImportAlgorithm = AlgorithmIdentifier | EcKeyImportParams | RsaHashedImportParams;

/** The JWK of a COSE public key, and the WebCrypto algorithm that imports it. */
function toJwk(key: Map<number, unknown>): { jwk: JsonWebKey; algorithm: ImportAlgorithm } {
  const kty = key.get(cose.COSEKEYS.kty);
  if (kty === cose.COSEKTY.EC2 || kty === cose.COSEKTY.OKP) {
    const crv = CURVES[key.get(cose.COSEKEYS.crv) as number];
    if (!crv) throw new Error('unsupported COSE curve');
    return kty === cose.COSEKTY.EC2
      ? {
          jwk: { kty: 'EC', crv, x: bytes(key, cose.COSEKEYS.x), y: bytes(key, cose.COSEKEYS.y) },
          algorithm: { name: 'ECDSA', namedCurve: crv },
        }
      : { jwk: { kty: 'OKP', crv, x: bytes(key, cose.COSEKEYS.x) }, algorithm: { name: crv } };
  }
  if (kty === cose.COSEKTY.RSA) {
    return {
      jwk: { kty: 'RSA', n: bytes(key, cose.COSEKEYS.n), e: bytes(key, cose.COSEKEYS.e) },
      algorithm: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    };
  }
  throw new Error(`unsupported COSE key type ${String(kty)}`);
}

/**
 * A COSE public key (from the attestation) → SPKI PEM, the form the mock returns as `publicKey`.
 * A P-256 point is checked on its curve and framed as SPKI here; any other key is imported by
 * WebCrypto (which refuses a point off its curve) and exported as SPKI.
 */
export async function publicKeyToPem(cosePublicKey: Uint8Array<ArrayBuffer>): Promise<string> {
  const decoded = decodeCredentialPublicKey(cosePublicKey) as unknown as Map<number, unknown>;
  // P-256, what nearly every passkey holds, without WebCrypto: the same bytes, checked on the curve.
  if (decoded.get(cose.COSEKEYS.kty) === cose.COSEKTY.EC2 && decoded.get(cose.COSEKEYS.crv) === 1) {
    const x = decoded.get(cose.COSEKEYS.x);
    const y = decoded.get(cose.COSEKEYS.y);
    const spki = x instanceof Uint8Array && y instanceof Uint8Array ? p256PointToSpki(x, y) : undefined;
    if (!spki) throw new Error('the P-256 public key is not a point on the curve');
    return spkiToPem(spki);
  }
  const { jwk, algorithm } = toJwk(decoded);
  const key = await globalThis.crypto.subtle.importKey('jwk', jwk, algorithm, true, ['verify']);
  return exportSpkiPem(key);
}
