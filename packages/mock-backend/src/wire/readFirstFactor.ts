import { badRequest } from '../errors.ts';
import { base64urlField, objectField, stringField } from './requestBody.ts';

/** The credential kinds that sign user actions and logins (a RecoveryKey only recovers). */
export const SIGNING_KINDS = ['Fido2', 'Key', 'PasswordProtectedKey'] as const;
/** A kind of credential that signs user actions and logins. */
export type SigningKind = (typeof SIGNING_KINDS)[number];

/** Whether credentials of this kind sign user actions and logins. */
export function isSigningKind(kind: string): kind is SigningKind {
  return (SIGNING_KINDS as readonly string[]).includes(kind);
}

/** A `firstFactor` of `POST /auth/action` or `POST /auth/login`, every field checked to be base64url. */
export interface FirstFactorAssertion {
  kind: SigningKind;
  credId: string;
  clientData: string;
  signature: string;
  /** Fido2 only (required there). */
  authenticatorData: string | undefined;
  /** Fido2, when the authenticator returned one: base64url of the WebAuthn user handle. */
  userHandle: string | undefined;
}

/** Reads `firstFactor` (`{ kind, credentialAssertion }`); each problem is a 400 that names the field. */
export function readFirstFactor(value: unknown): FirstFactorAssertion {
  const firstFactor = objectField(value, 'firstFactor');
  const kind = stringField(firstFactor.kind, 'firstFactor.kind');
  if (!isSigningKind(kind)) {
    throw badRequest(`firstFactor.kind must be one of ${SIGNING_KINDS.join(', ')}, got "${kind}"`);
  }
  const assertion = objectField(firstFactor.credentialAssertion, 'firstFactor.credentialAssertion');
  const field = (name: string) => base64urlField(assertion[name], `firstFactor.credentialAssertion.${name}`);
  const { userHandle } = assertion;
  // Browsers give a null or empty user handle for non-discoverable credentials: the same as none.
  const noHandle = userHandle === undefined || userHandle === null || userHandle === '';
  if (!noHandle && typeof userHandle !== 'string') {
    throw badRequest('firstFactor.credentialAssertion.userHandle must be a base64url string when present');
  }
  return {
    kind,
    credId: field('credId'),
    clientData: field('clientData'),
    signature: field('signature'),
    authenticatorData: kind === 'Fido2' ? field('authenticatorData') : undefined,
    userHandle: noHandle ? undefined : field('userHandle'),
  };
}
