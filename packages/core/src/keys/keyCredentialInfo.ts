import type { KeyCredentialInfo } from '../dfns/dfnsTypes.ts';
import { toBase64url, utf8 } from '../encoding/base64url.ts';
import { rawSignatureToDer } from '../encoding/derSignature.ts';
import { toHex } from '../encoding/hex.ts';
import { spkiToPem } from '../encoding/pem.ts';
import { CredkitError } from '../errors/credkitError.ts';
import { keyClientData } from './keyClientData.ts';

/** The ECDSA parameters of every key credential: P-256 with SHA-256. */
export const KEY_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;

/** A new key credential's ID: base64url of 32 bytes from the CSPRNG. */
export function generateKeyCredentialId(): string {
  return toBase64url(crypto.getRandomValues(new Uint8Array(32)));
}

/** A key credential ID chosen by the host, checked before anything is fetched: base64url, or `invalid-input`. */
export function checkKeyCredentialId(credentialId: string | undefined): string | undefined {
  if (credentialId !== undefined && !/^[A-Za-z0-9_-]{1,512}$/.test(credentialId)) {
    throw new CredkitError('invalid-input', { message: 'A credential ID is base64url (letters, digits, - and _).' });
  }
  return credentialId;
}

/** What {@link createKeyCredentialInfo} needs. */
export interface KeyCredentialInput {
  /** The Dfns challenge string. */
  challenge: string;
  /** The page's origin, written into clientData. */
  origin: string;
  /** The key pair; its private key signs. */
  keyPair: CryptoKeyPair;
  /** The credential id. @defaultValue a new one ({@link generateKeyCredentialId}) */
  credId?: string;
}

/**
 * The Dfns `credentialInfo` of a key credential (Key, PasswordProtectedKey, RecoveryKey).
 *
 * - `clientData` = base64url of `{"type":"key.create","challenge":C,"origin":O,"crossOrigin":false}`
 *   where **C = base64url(UTF-8(challenge string))**: the challenge enters clientData exactly as it
 *   does in a WebAuthn clientDataJSON, for every kind (the Dfns reference page's examples do this;
 *   `@dfns/sdk-browser` puts the raw string instead, and Dfns-compatible servers accept both).
 * - the private key signs (ECDSA P-256, SHA-256) the UTF-8 of
 *   `{"clientDataHash":"<hex SHA-256 of the clientData bytes>","publicKey":"<SPKI PEM>"}`;
 * - `attestationData` = base64url of `{"publicKey":PEM,"signature":"<hex DER>","algorithm":"SHA256"}`.
 */
export async function createKeyCredentialInfo({
  challenge,
  origin,
  keyPair,
  credId,
}: KeyCredentialInput): Promise<KeyCredentialInfo> {
  const clientData = keyClientData('key.create', challenge, origin);
  const publicKey = spkiToPem(await crypto.subtle.exportKey('spki', keyPair.publicKey));
  const clientDataHash = toHex(await crypto.subtle.digest('SHA-256', clientData));
  const fingerprint = utf8(JSON.stringify({ clientDataHash, publicKey }));
  const rawSignature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, keyPair.privateKey, fingerprint);
  const attestation = { publicKey, signature: toHex(rawSignatureToDer(rawSignature)), algorithm: 'SHA256' };
  return {
    credId: credId ?? generateKeyCredentialId(),
    clientData: toBase64url(clientData),
    attestationData: toBase64url(utf8(JSON.stringify(attestation))),
  };
}
