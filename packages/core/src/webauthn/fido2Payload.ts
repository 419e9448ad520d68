import type { Fido2CredentialInfo } from '../dfns/dfnsTypes.ts';
import { isArrayBuffer, toBase64url } from '../encoding/base64url.ts';
import { CredkitError } from '../errors/credkitError.ts';

/** The part of a `PublicKeyCredential` from `navigator.credentials.create` that credkit reads. */
export interface AttestationCredentialLike {
  rawId: ArrayBuffer;
  response: { clientDataJSON: ArrayBuffer; attestationObject?: ArrayBuffer };
  /** WebAuthn L3 `toJSON()`: used when present and sound. */
  toJSON?: () => unknown;
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

function isAttestationCredential(value: unknown): value is AttestationCredentialLike {
  const candidate = value as Partial<AttestationCredentialLike> | null;
  return (
    isArrayBuffer(candidate?.rawId) &&
    isArrayBuffer(candidate?.response?.clientDataJSON) &&
    isArrayBuffer(candidate?.response?.attestationObject)
  );
}

/**
 * `credential.toJSON()` → `credentialInfo`, or `undefined` when there is no `toJSON` or it fails:
 * password-manager extensions are known to return credentials whose `toJSON()` (or the
 * `getPublicKey()` it calls) throws, or answers with missing or non-base64url members.
 */
function fromNativeJSON(credential: unknown): Fido2CredentialInfo | undefined {
  try {
    const json = (credential as { toJSON?: () => unknown })?.toJSON?.() as
      | { rawId?: unknown; response?: { clientDataJSON?: unknown; attestationObject?: unknown } }
      | undefined;
    const credId = json?.rawId;
    const clientData = json?.response?.clientDataJSON;
    const attestationData = json?.response?.attestationObject;
    if ([credId, clientData, attestationData].every((value) => typeof value === 'string' && BASE64URL.test(value))) {
      return {
        credId: credId as string,
        clientData: clientData as string,
        attestationData: attestationData as string,
      };
    }
  } catch {
    // The manual path below reads the same bytes from the ArrayBuffers.
  }
  return undefined;
}

/**
 * The result of `navigator.credentials.create` → Dfns Fido2 `credentialInfo`:
 * `credId` = base64url(rawId), `clientData` = base64url(clientDataJSON),
 * `attestationData` = base64url of the whole CBOR attestationObject. Uses the credential's own
 * `toJSON()` when it works, encodes the ArrayBuffers itself otherwise.
 */
export function toFido2CredentialInfo(credential: unknown): Fido2CredentialInfo {
  const native = fromNativeJSON(credential);
  if (native) return native;
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
