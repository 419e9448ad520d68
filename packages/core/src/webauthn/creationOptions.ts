import type { Fido2CredentialChallenge, RelyingParty } from '../dfns/dfnsTypes.ts';
import { fromBase64url, toBase64url, utf8 } from '../encoding/base64url.ts';
import { type AuthenticatorChoice, toAuthenticatorSteering } from './authenticatorChoice.ts';
import { type CreationOptionsParser, nativeCreationOptionsParser } from './webAuthnSupport.ts';

/** The WebAuthn timeout credkit uses when the caller sets none, in milliseconds. */
export const DEFAULT_CEREMONY_TIMEOUT_MS = 60_000;

/** What the caller adds to a Dfns challenge to make WebAuthn options. */
export interface CreationOptionsInput {
  /** The relying party; the app's own configuration, not the (deprecated) `rp` of the challenge. */
  rp: RelyingParty;
  /** The ceremony timeout in milliseconds. @defaultValue 60000 */
  timeout?: number;
  /** Where the person wants the passkey: sets `hints` and the legacy `authenticatorAttachment`. */
  authenticator?: AuthenticatorChoice;
}

/** The most `excludeCredentials` entries sent: Chromium 156 refuses 65 ("exceeds the maximum allowed size (64)"). */
export const MAX_EXCLUDED = 64;

/**
 * A Dfns Fido2 challenge → WebAuthn `PublicKeyCredentialCreationOptionsJSON`, with the Dfns byte
 * rules: `challenge` and `user.id` are the UTF-8 bytes of their strings (so their JSON form is
 * base64url of those bytes), `excludeCredentials[].id` are already base64url. Members credkit does
 * not know (`extensions`, `hints`, future ones) pass through untouched.
 */
export function toCreationOptionsJSON(
  challenge: Fido2CredentialChallenge,
  { rp, timeout = DEFAULT_CEREMONY_TIMEOUT_MS, authenticator }: CreationOptionsInput,
): PublicKeyCredentialCreationOptionsJSON {
  // Members of the Dfns challenge that are Dfns's own, not WebAuthn options, stay out; the rest passes.
  const { kind, challengeIdentifier, temporaryAuthenticationToken, rp: deprecatedRp, ...passThrough } = challenge;
  const steering = authenticator ? toAuthenticatorSteering(authenticator) : undefined;
  return {
    ...passThrough,
    rp: rp.id === undefined ? { name: rp.name } : { id: rp.id, name: rp.name },
    user: { ...challenge.user, id: toBase64url(utf8(challenge.user.id)) },
    challenge: toBase64url(utf8(challenge.challenge)),
    timeout,
    // Re-encoded: validates each id and drops any padding, which native parsers refuse. At most the
    // last 64: Chromium refuses a longer list with a RangeError, so a user with more credentials could
    // never add one; an authenticator holding an older one may then make a second passkey, no worse.
    excludeCredentials: challenge.excludeCredentials.slice(-MAX_EXCLUDED).map((descriptor) => ({
      ...descriptor,
      id: toBase64url(fromBase64url(descriptor.id)),
    })),
    authenticatorSelection: steering
      ? { ...challenge.authenticatorSelection, authenticatorAttachment: steering.authenticatorAttachment }
      : challenge.authenticatorSelection,
    ...(steering ? { hints: steering.hints } : {}),
  };
}

/**
 * The manual decoding of {@link toCreationOptionsJSON}'s result, for browsers without
 * `parseCreationOptionsFromJSON`: the three binary members become bytes, every other member
 * (known or not) is kept as it is.
 */
export function creationOptionsFromJSON(
  json: PublicKeyCredentialCreationOptionsJSON,
): PublicKeyCredentialCreationOptions {
  return {
    ...json,
    challenge: fromBase64url(json.challenge),
    user: { ...json.user, id: fromBase64url(json.user.id) },
    excludeCredentials: json.excludeCredentials?.map((descriptor) => ({
      ...descriptor,
      id: fromBase64url(descriptor.id),
      transports: descriptor.transports as AuthenticatorTransport[] | undefined,
    })),
  } as PublicKeyCredentialCreationOptions;
}

/**
 * JSON options → options for `navigator.credentials.create`: the browser's parser first, the
 * manual path when there is none or when it throws (a password-manager extension that replaced
 * `PublicKeyCredential` with a broken copy).
 */
export function parseCreationOptions(
  json: PublicKeyCredentialCreationOptionsJSON,
  parse: CreationOptionsParser | undefined = nativeCreationOptionsParser(),
): PublicKeyCredentialCreationOptions {
  if (parse) {
    try {
      return parse(json);
    } catch {
      // Fall through to the manual path: the bytes are the same.
    }
  }
  return creationOptionsFromJSON(json);
}

/**
 * A Dfns Fido2 challenge → `PublicKeyCredentialCreationOptions`, with the Dfns byte rules (see
 * {@link toCreationOptionsJSON}), through the browser's JSON parser when present.
 */
export function toCreationOptions(
  challenge: Fido2CredentialChallenge,
  input: CreationOptionsInput,
  parse?: CreationOptionsParser,
): PublicKeyCredentialCreationOptions {
  // An undefined `parse` takes parseCreationOptions' default: the browser's own parser.
  return parseCreationOptions(toCreationOptionsJSON(challenge, input), parse);
}
