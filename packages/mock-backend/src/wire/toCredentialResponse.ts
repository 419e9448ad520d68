import type { StoredCredential } from '../state/store.ts';

/** The nine fields of Dfns' `CreateCredentialResponse`. */
export function toCredentialResponse(credential: StoredCredential) {
  const { kind, credentialId, credentialUuid, dateCreated, isActive, name, publicKey, relyingPartyId, origin } =
    credential;
  return { kind, credentialId, credentialUuid, dateCreated, isActive, name, publicKey, relyingPartyId, origin };
}
