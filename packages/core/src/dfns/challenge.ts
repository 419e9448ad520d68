import type { Fido2CredentialChallenge, KeyCredentialChallenge, KeyCredentialKind } from './dfnsTypes.ts';
import {
  arrayOf,
  base64urlId,
  boolean,
  checkShape,
  nonEmptyString,
  number,
  object,
  oneOf,
  optional,
  type ShapeError,
  string,
} from './shape.ts';

const INVALID_CHALLENGE: ShapeError = {
  code: 'invalid-challenge',
  intro: 'The server sent an invalid registration challenge',
  phase: 'challenge',
  root: 'challenge response',
};

const requirement = () => oneOf('required', 'preferred', 'discouraged');

/** What every `POST /auth/credentials/init` answer has, whatever the kind. */
const CHALLENGE_MEMBERS = {
  user: object({ id: nonEmptyString(), name: string(), displayName: string() }),
  challengeIdentifier: nonEmptyString(),
  challenge: nonEmptyString(),
};

const FIDO2_CHALLENGE = object({
  kind: oneOf('Fido2'),
  ...CHALLENGE_MEMBERS,
  rp: optional(object({ id: string(), name: string() })),
  authenticatorSelection: object({
    authenticatorAttachment: optional(oneOf('platform', 'cross-platform')),
    residentKey: requirement(),
    requireResidentKey: boolean(),
    userVerification: requirement(),
  }),
  attestation: oneOf('none', 'indirect', 'direct', 'enterprise'),
  pubKeyCredParams: arrayOf(object({ type: oneOf('public-key'), alg: number() })),
  // Other members of a descriptor (`transports`) are kept: the browser uses them to pick an authenticator.
  excludeCredentials: arrayOf(object({ type: oneOf('public-key'), id: base64urlId() })),
  temporaryAuthenticationToken: optional(string()),
});

/**
 * Validates the body of `POST /auth/credentials/init` for a Fido2 credential.
 * Unknown fields are kept; a missing or mistyped field throws `invalid-challenge` naming it.
 */
export function validateFido2Challenge(value: unknown): Fido2CredentialChallenge {
  return checkShape(value, FIDO2_CHALLENGE, INVALID_CHALLENGE);
}

/**
 * Validates the body of `POST /auth/credentials/init` for a key kind (`Key`, `PasswordProtectedKey`,
 * `RecoveryKey`): the fields a key registration uses must be there; unknown fields are kept.
 */
export function validateKeyChallenge(value: unknown, kind: KeyCredentialKind): KeyCredentialChallenge {
  return checkShape(value, object({ kind: oneOf(kind), ...CHALLENGE_MEMBERS }), INVALID_CHALLENGE);
}
