import { createHash, createPublicKey, type KeyObject, verify } from 'node:crypto';
import type { IssuedChallenge } from './challenges.ts';
import { badRequest } from './errors.ts';

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
    value = JSON.parse(Buffer.from(base64url, 'base64url').toString('utf8'));
  } catch {
    throw badRequest(`${field} does not decode to JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest(`${field} does not decode to a JSON object`);
  }
  return value as Record<string, unknown>;
}

function importPublicKey(pem: unknown): KeyObject {
  if (typeof pem !== 'string') throw badRequest('credentialInfo.attestationData.publicKey is required (a PEM string)');
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    throw badRequest('credentialInfo.attestationData.publicKey is not a PEM public key');
  }
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw badRequest('credentialInfo.attestationData.publicKey must be an ECDSA P-256 key');
  }
  return key;
}

/**
 * Verifies a Key / PasswordProtectedKey / RecoveryKey registration: clientData is
 * `{"type":"key.create","challenge":…}` for the issued challenge (as the raw string, as the Dfns SDK
 * sends it, or as base64url of its UTF-8, as credkit and the Dfns reference examples send it), its
 * origin (when present) is allowed, and the DER ECDSA-SHA256 signature in attestationData verifies
 * with its PEM public key over `{"clientDataHash":"<hex sha256 of the clientData bytes>","publicKey":PEM}`.
 */
export function verifyKeyCredential(
  info: KeyCredentialInfo,
  issued: IssuedChallenge,
  { origins }: { origins: string[] },
): VerifiedKeyCredential {
  const clientDataBytes = Buffer.from(info.clientData, 'base64url');
  const origin = checkKeyClientData(info.clientData, 'key.create', issued, origins, 'credentialInfo.clientData');

  const attestation = decodeJsonObject(info.attestationData, 'credentialInfo.attestationData');
  if (attestation.algorithm !== undefined && attestation.algorithm !== 'SHA256') {
    throw badRequest(
      `credentialInfo.attestationData.algorithm must be "SHA256", got ${JSON.stringify(attestation.algorithm)}`,
    );
  }
  const publicKey = importPublicKey(attestation.publicKey);
  const signature = attestation.signature;
  if (typeof signature !== 'string' || !/^([0-9a-fA-F]{2})+$/.test(signature)) {
    throw badRequest('credentialInfo.attestationData.signature is required (hex of a DER ECDSA signature)');
  }
  const fingerprint = JSON.stringify({
    clientDataHash: createHash('sha256').update(clientDataBytes).digest('hex'),
    publicKey: attestation.publicKey,
  });
  let valid = false;
  try {
    valid = verify(
      'sha256',
      Buffer.from(fingerprint, 'utf8'),
      { key: publicKey, dsaEncoding: 'der' },
      Buffer.from(signature, 'hex'),
    );
  } catch {
    valid = false;
  }
  if (!valid) {
    throw badRequest('credentialInfo.attestationData.signature does not verify over the credential fingerprint');
  }
  return {
    credentialId: info.credId,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    origin,
  };
}

/**
 * Checks a key credential's clientData: `type`, the issued challenge (raw string or base64url of its
 * UTF-8), an allowed `origin` when present, `crossOrigin` false when present. Returns the origin.
 */
function checkKeyClientData(
  encoded: string,
  type: 'key.create' | 'key.get',
  issued: IssuedChallenge,
  origins: string[],
  field: string,
): string | undefined {
  const clientData = decodeJsonObject(encoded, field);
  if (clientData.type !== type) {
    throw badRequest(`${field} type must be "${type}", got ${JSON.stringify(clientData.type)}`);
  }
  const accepted = [issued.challenge, Buffer.from(issued.challenge, 'utf8').toString('base64url')];
  if (typeof clientData.challenge !== 'string' || !accepted.includes(clientData.challenge)) {
    throw badRequest(`${field} challenge does not match the issued challenge`);
  }
  const origin = clientData.origin;
  if (origin !== undefined && (typeof origin !== 'string' || !origins.includes(origin))) {
    throw badRequest(`origin ${String(origin)} is not allowed (allowed: ${origins.join(', ')})`);
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
 * Verifies a key credential's signature of a user-action challenge: clientData
 * `{"type":"key.get","challenge":…}` and a DER ECDSA-SHA256 signature over its bytes by the stored key.
 */
export function verifyKeyAssertion(
  assertion: KeyAssertion,
  publicKeyPem: string,
  issued: IssuedChallenge,
  { origins }: { origins: string[] },
): void {
  checkKeyClientData(assertion.clientData, 'key.get', issued, origins, 'firstFactor.credentialAssertion.clientData');
  let valid = false;
  try {
    valid = verify(
      'sha256',
      Buffer.from(assertion.clientData, 'base64url'),
      { key: createPublicKey(publicKeyPem), dsaEncoding: 'der' },
      Buffer.from(assertion.signature, 'base64url'),
    );
  } catch {
    valid = false;
  }
  if (!valid) throw badRequest('firstFactor.credentialAssertion.signature does not verify with the credential key');
}
