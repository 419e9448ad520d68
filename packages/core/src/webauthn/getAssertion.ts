import { fromBase64url, toBase64url, utf8 } from '../encoding/base64url.ts';
import type { UserActionChallenge } from '../userAction/userAction.ts';
import { DEFAULT_CEREMONY_TIMEOUT_MS } from './creationOptions.ts';
import type { Fido2Assertion, PasskeyCeremony } from './passkeyCeremony.ts';
import { withWatchdog } from './withWatchdog.ts';

/** What a passkey is asked to sign: a user-action challenge, or a login challenge (the same members). */
export type AssertionChallenge = Pick<UserActionChallenge, 'challenge' | 'userVerification' | 'allowCredentials'>;

/** Where and how long the passkey prompt runs. */
export interface AssertionOptions {
  /** The RP id the passkeys were created for. @defaultValue the page's effective domain */
  rpId?: string;
  /** The prompt's timeout in milliseconds. @defaultValue 60000 */
  timeout?: number;
}

/**
 * A Dfns user-action or login challenge → WebAuthn `PublicKeyCredentialRequestOptionsJSON`, with the
 * Dfns byte rules: `challenge` is the UTF-8 bytes of its string, the `allowCredentials.webauthn` ids
 * are already base64url (re-encoded here, which checks them). An empty list asks for any passkey of
 * this site (a discoverable, usernameless sign-in).
 */
export function toRequestOptionsJSON(
  challenge: AssertionChallenge,
  { rpId, timeout = DEFAULT_CEREMONY_TIMEOUT_MS }: AssertionOptions = {},
): PublicKeyCredentialRequestOptionsJSON {
  return {
    challenge: toBase64url(utf8(challenge.challenge)),
    allowCredentials: challenge.allowCredentials.webauthn.map(({ id }) => ({
      type: 'public-key',
      id: toBase64url(fromBase64url(id)),
    })),
    userVerification: challenge.userVerification,
    timeout,
    ...(rpId !== undefined && { rpId }),
  };
}

/** Options of {@link getAssertion}. */
export interface GetAssertionOptions extends AssertionOptions {
  /** Who runs `navigator.credentials.get()`. */
  ceremony: Pick<PasskeyCeremony, 'get'>;
  /** How long after `timeout` a `get()` that never settles is abandoned as `timed-out`. @defaultValue 3000 */
  watchdogGraceMs?: number;
  /** `'conditional'`: the passkeys are offered in the autofill of an `autocomplete="… webauthn"` field, no sheet. */
  mediation?: 'conditional';
  /** Aborts the prompt. */
  signal?: AbortSignal | undefined;
}

/** What {@link getAssertion} gives: the assertion to post, and where the passkey was (kept from the wire). */
export interface SignedAssertion {
  /** The Dfns assertion, exactly the members Dfns takes. */
  credentialAssertion: Fido2Assertion;
  /** `platform` or `cross-platform` (a security key, a phone), when the browser says. */
  authenticatorAttachment: AuthenticatorAttachment | undefined;
}

/** The ceremony of every sign-in and user action: the challenge → request options → `get()` under the watchdog. */
export async function getAssertion(
  challenge: AssertionChallenge,
  { ceremony, watchdogGraceMs, mediation, signal, ...options }: GetAssertionOptions,
): Promise<SignedAssertion> {
  const optionsJSON = toRequestOptionsJSON(challenge, options);
  const { authenticatorAttachment, ...credentialAssertion } = await withWatchdog({
    start: (callSignal) => ceremony.get({ optionsJSON, signal: callSignal, ...(mediation && { mediation }) }),
    timeoutMs: optionsJSON.timeout ?? DEFAULT_CEREMONY_TIMEOUT_MS,
    graceMs: watchdogGraceMs,
    signal,
    phase: 'signing',
  });
  return { credentialAssertion, authenticatorAttachment };
}
