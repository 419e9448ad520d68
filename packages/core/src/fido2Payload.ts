import { isArrayBuffer, toBase64url } from './base64url.ts';
import { CredkitError } from './credkitError.ts';
import type { Fido2CredentialInfo } from './dfnsTypes.ts';

/** The part of a `PublicKeyCredential` from `navigator.credentials.create` that credkit reads. */
export interface AttestationCredentialLike {
  rawId: ArrayBuffer;
  response: { clientDataJSON: ArrayBuffer; attestationObject?: ArrayBuffer };
}

function isAttestationCredential(value: unknown): value is AttestationCredentialLike {
  const candidate = value as Partial<AttestationCredentialLike> | null;
  return (
    isArrayBuffer(candidate?.rawId) &&
    isArrayBuffer(candidate?.response?.clientDataJSON) &&
    isArrayBuffer(candidate?.response?.attestationObject)
  );
}

/**
 * The result of `navigator.credentials.create` → Dfns Fido2 `credentialInfo`:
 * `credId` = base64url(rawId), `clientData` = base64url(clientDataJSON),
 * `attestationData` = base64url of the whole CBOR attestationObject.
 */
export function toFido2CredentialInfo(credential: unknown): Fido2CredentialInfo {
  if (!isAttestationCredential(credential)) {
    throw new CredkitError('unknown', {
      message: 'The browser returned no usable public-key credential.',
      phase: 'ceremony',
      cause: credential,
    });
  }
  return {
    credId: toBase64url(credential.rawId),
    clientData: toBase64url(credential.response.clientDataJSON),
    // The seed's example sends bare authenticatorData here; Dfns needs the whole attestationObject.
    attestationData: toBase64url(credential.response.attestationObject as ArrayBuffer),
  };
}
