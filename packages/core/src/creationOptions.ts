import { fromBase64url, utf8 } from './base64url.ts';
import type { Fido2CredentialChallenge, RelyingParty } from './dfnsTypes.ts';

/** The WebAuthn timeout credkit uses when the caller sets none, in milliseconds. */
export const DEFAULT_CEREMONY_TIMEOUT_MS = 60_000;

/** What the caller adds to a Dfns challenge to make WebAuthn options. */
export interface CreationOptionsInput {
  /** The relying party; the app's own configuration, not the (deprecated) `rp` of the challenge. */
  rp: RelyingParty;
  /** The ceremony timeout in milliseconds. @defaultValue 60000 */
  timeout?: number;
}

/**
 * A Dfns Fido2 challenge → `PublicKeyCredentialCreationOptions`, with the Dfns byte rules:
 * `challenge` and `user.id` are the UTF-8 bytes of their strings (not base64url-decoded),
 * `excludeCredentials[].id` are base64url-decoded, the rest passes through.
 */
export function toCreationOptions(
  challenge: Fido2CredentialChallenge,
  { rp, timeout = DEFAULT_CEREMONY_TIMEOUT_MS }: CreationOptionsInput,
): PublicKeyCredentialCreationOptions {
  return {
    rp: rp.id === undefined ? { name: rp.name } : { id: rp.id, name: rp.name },
    user: {
      id: utf8(challenge.user.id),
      name: challenge.user.name,
      displayName: challenge.user.displayName,
    },
    challenge: utf8(challenge.challenge),
    pubKeyCredParams: challenge.pubKeyCredParams,
    timeout,
    excludeCredentials: challenge.excludeCredentials.map(({ type, id }) => ({ type, id: fromBase64url(id) })),
    authenticatorSelection: challenge.authenticatorSelection,
    attestation: challenge.attestation,
  };
}
