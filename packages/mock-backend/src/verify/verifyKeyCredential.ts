import { isoBase64URL, isoUint8Array } from '@simplewebauthn/server/helpers';
import { importP256PublicKey, verifyDerEcdsaSha256 } from '../crypto/ecdsaP256.ts';
import { sha256Hex } from '../crypto/sha256Hex.ts';
import { exportSpkiPem } from '../crypto/spki.ts';
import { verifyKeySignature } from '../crypto/verifyKeySignature.ts';
import { badRequest } from '../errors.ts';
import { isAllowedOrigin, originNotAllowed } from '../isAllowedOrigin.ts';
import type { IssuedChallenge } from '../state/challenges.ts';
import { parseClientJson } from '../wire/parseJson.ts';

/** The `credentialInfo` of a key kind, already checked to be base64url strings. */
export interface KeyCredentialInfo {
  credId: string;
  clientData: string;
  attestationData: string;
}

/** What a verified key registration yields. */
export interface VerifiedKeyCredential {
  credentialId: string;
  /** The public key, re-exported as SPKI PEM. */
  publicKeyPem: string;
  /** `clientData.origin`, when the client sent one. */
  origin: string | undefined;
}

function decodeJsonObject(base64url: string, field: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = parseClientJson(isoBase64URL.toUTF8String(base64url), field);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw badRequest(`${field} does not decode to JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest(`${field} does not decode to a JSON object`);
  }
  return value as Record<string, unknown>;
}

async function importPublicKey(pem: unknown): Promise<CryptoKey> {
  if (typeof pem !== 'string') throw badRequest('credentialInfo.attestationData.publicKey is required (a PEM string)');
  const imported = await importP256PublicKey(pem);
  if ('key' in imported) return imported.key;
  throw badRequest(
    imported.refused === 'not-p256'
      ? 'credentialInfo.attestationData.publicKey must be an ECDSA P-256 key'
      : 'credentialInfo.attestationData.publicKey is not a PEM public key',
  );
}

/**
 * Verifies a Key / PasswordProtectedKey / RecoveryKey registration: clientData is
 * `{"type":"key.create","challenge":…}` for the issued challenge (as the raw string, as the Dfns SDK
 * sends it, or as base64url of its UTF-8, as credkit and the Dfns reference examples send it), its
 * origin (when present) is allowed, and the DER ECDSA-SHA256 signature in attestationData verifies
 * with its PEM public key over `{"clientDataHash":"<hex sha256 of the clientData bytes>","publicKey":PEM}`.
 */
export async function verifyKeyCredential(
  info: KeyCredentialInfo,
  issued: IssuedChallenge,
  { origins }: { origins?: readonly string[] },
): Promise<VerifiedKeyCredential> {
  const clientDataBytes = isoBase64URL.toBuffer(info.clientData);
  const origin = checkKeyClientData(info.clientData, 'key.create', issued, origins, 'credentialInfo.clientData');

  const attestation = decodeJsonObject(info.attestationData, 'credentialInfo.attestationData');
  if (attestation.algorithm !== undefined && attestation.algorithm !== 'SHA256') {
    throw badRequest(
      `credentialInfo.attestationData.algorithm must be "SHA256", got ${JSON.stringify(attestation.algorithm)}`,
    );
  }
  const publicKey = await importPublicKey(attestation.publicKey);
  const signature = attestation.signature;
  if (typeof signature !== 'string' || !/^([0-9a-fA-F]{2})+$/.test(signature)) {
    throw badRequest('credentialInfo.attestationData.signature is required (hex of a DER ECDSA signature)');
  }
  const fingerprint = JSON.stringify({
    clientDataHash: await sha256Hex(clientDataBytes),
    publicKey: attestation.publicKey,
  });
  const signatureBytes = isoUint8Array.fromHex(signature);
  if (!(await verifyDerEcdsaSha256(publicKey, signatureBytes, isoUint8Array.fromUTF8String(fingerprint)))) {
    throw badRequest('credentialInfo.attestationData.signature does not verify over the credential fingerprint');
  }
  return {
    credentialId: info.credId,
    publicKeyPem: await exportSpkiPem(publicKey),
    origin,
  };
}

/**
 * What a key clientData's `challenge` must be: an issued challenge (as the raw string or base64url of
 * its UTF-8), or what `matches` accepts (a recovery signs its new credentials, not the challenge).
 */
export type ExpectedChallenge =
  | Pick<IssuedChallenge, 'challenge'>
  | { matches: (challenge: string) => boolean /** For the error: what it should have been. */; what: string };

/**
 * Checks a key credential's clientData: `type`, the expected challenge, an allowed `origin` when
 * present, `crossOrigin` false when present. Returns the origin.
 */
function checkKeyClientData(
  encoded: string,
  type: 'key.create' | 'key.get',
  expected: ExpectedChallenge,
  origins: readonly string[] | undefined,
  field: string,
): string | undefined {
  const clientData = decodeJsonObject(encoded, field);
  if (clientData.type !== type) {
    throw badRequest(`${field} type must be "${type}", got ${JSON.stringify(clientData.type)}`);
  }
  const matches =
    'matches' in expected
      ? expected.matches
      : (challenge: string) =>
          challenge === expected.challenge || challenge === isoBase64URL.fromUTF8String(expected.challenge);
  if (typeof clientData.challenge !== 'string' || !matches(clientData.challenge)) {
    throw badRequest(
      `${field} challenge does not match ${'matches' in expected ? expected.what : 'the issued challenge'}`,
    );
  }
  const origin = clientData.origin;
  if (origin !== undefined && (typeof origin !== 'string' || !isAllowedOrigin(origin, origins))) {
    throw originNotAllowed(String(origin), origins);
  }
  if (clientData.crossOrigin !== undefined && clientData.crossOrigin !== false) {
    throw badRequest(`${field} crossOrigin must be false`);
  }
  return origin;
}

/** A Key / PasswordProtectedKey assertion of a user action, as Dfns and its SDK's key signers send it. */
export interface KeyAssertion {
  credId: string;
  clientData: string;
  /** base64url of the DER ECDSA-SHA256 signature over the clientData bytes. */
  signature: string;
}

/**
 * Verifies a key credential's signature of a challenge (a user action's, a login's, or a recovery's new
 * credentials): clientData `{"type":"key.get","challenge":…}` and a signature over its bytes by the
 * stored key (DER ECDSA-SHA256 for P-256; Ed25519 for a service account's key, see `verifyKeySignature`). `field` prefixes the errors' field names.
 */
export async function verifyKeyAssertion(
  assertion: KeyAssertion,
  publicKeyPem: string,
  expected: ExpectedChallenge,
  { origins }: { origins?: readonly string[] },
  field = 'firstFactor.credentialAssertion',
): Promise<void> {
  checkKeyClientData(assertion.clientData, 'key.get', expected, origins, `${field}.clientData`);
  const valid = await verifyKeySignature(
    publicKeyPem,
    isoBase64URL.toBuffer(assertion.signature),
    isoBase64URL.toBuffer(assertion.clientData),
  );
  if (!valid) throw badRequest(`${field}.signature does not verify with the credential key`);
}
