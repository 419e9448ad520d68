import {
  arrayOf,
  base64urlId,
  checkShape,
  isRecord,
  nonEmptyString,
  object,
  oneOf,
  optional,
  string,
} from '../dfns/shape.ts';
import type { AllowedCredential, UserActionChallenge } from './userAction.ts';

const ALLOWED = optional(arrayOf(object({ id: nonEmptyString(), encryptedPrivateKey: optional(string()) })));
// The passkey ids go through the base64url codec on their way to the browser.
const WEBAUTHN_ALLOWED = optional(arrayOf(object({ id: base64urlId() })));

const USER_ACTION_CHALLENGE = object({
  challenge: nonEmptyString(),
  challengeIdentifier: nonEmptyString(),
  userVerification: oneOf('required', 'preferred', 'discouraged'),
  allowCredentials: object({ webauthn: WEBAUTHN_ALLOWED, key: ALLOWED, passwordProtectedKey: ALLOWED }),
});

const toAllowed = (credentials: { id: string; encryptedPrivateKey?: string }[] = []): AllowedCredential[] =>
  credentials.map(({ id, encryptedPrivateKey }) => ({
    type: 'public-key',
    id,
    ...(encryptedPrivateKey !== undefined && { encryptedPrivateKey }),
  }));

/** Validates `POST /auth/action/init`'s answer (or `POST /auth/login/init`'s: the same members). */
export function validateUserActionChallenge(value: unknown, what = 'user-action challenge'): UserActionChallenge {
  // A missing (or null) userVerification means "required".
  const body = checkShape(
    isRecord(value) ? { ...value, userVerification: value.userVerification ?? 'required' } : value,
    USER_ACTION_CHALLENGE,
    { code: 'server', intro: `The server sent an invalid ${what}` },
  );
  const allow = body.allowCredentials;
  return {
    ...body,
    allowCredentials: {
      webauthn: toAllowed(allow.webauthn),
      key: toAllowed(allow.key),
      passwordProtectedKey: toAllowed(allow.passwordProtectedKey),
    },
  };
}
