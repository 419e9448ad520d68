import type { CreateCredentialResponse, ListCredentialsResponse } from './dfnsTypes.ts';
import { arrayOf, boolean, checkShape, nonEmptyString, object, oneOf, string } from './shape.ts';

const CREDENTIAL = object({
  kind: oneOf('Fido2', 'Key', 'Password', 'Totp', 'RecoveryKey', 'PasswordProtectedKey'),
  credentialId: nonEmptyString(),
  credentialUuid: nonEmptyString(),
  dateCreated: string(),
  isActive: boolean(),
  name: string(),
  publicKey: string(),
  relyingPartyId: string(),
  origin: string(),
});

/** Validates the answer of `POST /auth/credentials`; a malformed one throws `server` naming the field. */
export function validateCreateCredentialResponse(value: unknown): CreateCredentialResponse {
  return checkShape(value, CREDENTIAL, { code: 'server', intro: "The server's new credential is not usable" });
}

/** Validates the answer of `GET /auth/credentials`. */
export function validateListCredentialsResponse(value: unknown): ListCredentialsResponse {
  const { items } = checkShape(value, object({ items: arrayOf(CREDENTIAL) }), {
    code: 'server',
    intro: "The server's credential list is not usable",
  });
  return { items };
}
