import { createPublicKey, type JsonWebKey } from 'node:crypto';
import { cose, decodeCredentialPublicKey } from '@simplewebauthn/server/helpers';

const CURVES: Record<number, string> = { 1: 'P-256', 2: 'P-384', 3: 'P-521', 6: 'Ed25519' };

function bytes(map: Map<number, unknown>, label: number): string {
  const value = map.get(label);
  if (!(value instanceof Uint8Array)) throw new Error(`COSE key parameter ${label} is missing`);
  return Buffer.from(value).toString('base64url');
}

/** A COSE public key (from the attestation) → SPKI PEM, the form the mock returns as `publicKey`. */
export function publicKeyToPem(cosePublicKey: Uint8Array<ArrayBuffer>): string {
  const key = decodeCredentialPublicKey(cosePublicKey) as unknown as Map<number, unknown>;
  const kty = key.get(cose.COSEKEYS.kty);
  let jwk: JsonWebKey;
  if (kty === cose.COSEKTY.EC2 || kty === cose.COSEKTY.OKP) {
    const crv = CURVES[key.get(cose.COSEKEYS.crv) as number];
    if (!crv) throw new Error('unsupported COSE curve');
    jwk =
      kty === cose.COSEKTY.EC2
        ? { kty: 'EC', crv, x: bytes(key, cose.COSEKEYS.x), y: bytes(key, cose.COSEKEYS.y) }
        : { kty: 'OKP', crv, x: bytes(key, cose.COSEKEYS.x) };
  } else if (kty === cose.COSEKTY.RSA) {
    jwk = { kty: 'RSA', n: bytes(key, cose.COSEKEYS.n), e: bytes(key, cose.COSEKEYS.e) };
  } else {
    throw new Error(`unsupported COSE key type ${String(kty)}`);
  }
  return createPublicKey({ key: jwk, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString();
}
