import { fromBase64url, toBase64url, utf8 } from '../encoding/base64url.ts';
import { CredkitError } from '../errors/credkitError.ts';
import { browserGet, type CredentialGetter } from '../webauthn/browserGet.ts';
import { DEFAULT_CEREMONY_TIMEOUT_MS } from '../webauthn/creationOptions.ts';
import type { PasskeyCeremony } from '../webauthn/passkeyCeremony.ts';
import { withWatchdog } from '../webauthn/withWatchdog.ts';
import { type UserActionChallenge, type UserActionSignerWithProtocol, withUserActionProtocol } from './userAction.ts';

export type { CredentialGetter } from '../webauthn/browserGet.ts';

/** Options of {@link createWebAuthnUserActionSigner}. */
export interface WebAuthnUserActionSignerOptions {
  /** The RP id the passkeys were created for. @defaultValue the page's effective domain */
  rpId?: string;
  /** The prompt's timeout in milliseconds. @defaultValue 60000 */
  timeout?: number;
  /** How long after `timeout` a `get()` that never settles is abandoned as `timed-out`. @defaultValue 3000 */
  watchdogGraceMs?: number;
  /** The object whose `get` runs credkit's own ceremony. @defaultValue navigator.credentials */
  credentials?: CredentialGetter;
}

/**
 * A Dfns user-action challenge → WebAuthn `PublicKeyCredentialRequestOptionsJSON`, with the Dfns byte
 * rules: `challenge` is the UTF-8 bytes of its string, the `allowCredentials.webauthn` ids are
 * already base64url (re-encoded here, which checks them).
 */
export function toRequestOptionsJSON(
  challenge: UserActionChallenge,
  { rpId, timeout = DEFAULT_CEREMONY_TIMEOUT_MS }: Pick<WebAuthnUserActionSignerOptions, 'rpId' | 'timeout'> = {},
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

/**
 * A user-action signer that confirms with one of the user's passkeys through `ceremony`'s `get()`,
 * under the same watchdog as registration. No passkey to offer → `no-signing-credential`.
 */
export function createPasskeyUserActionSigner(
  ceremony: Pick<PasskeyCeremony, 'get'>,
  options: Omit<WebAuthnUserActionSignerOptions, 'credentials'> = {},
): UserActionSignerWithProtocol {
  return withUserActionProtocol({
    async sign(challenge, signal) {
      if (challenge.allowCredentials.webauthn.length === 0) {
        throw new CredkitError('no-signing-credential', { phase: 'signing' });
      }
      const optionsJSON = toRequestOptionsJSON(challenge, options);
      const credentialAssertion = await withWatchdog({
        start: (callSignal) => ceremony.get({ optionsJSON, signal: callSignal }),
        timeoutMs: optionsJSON.timeout ?? DEFAULT_CEREMONY_TIMEOUT_MS,
        graceMs: options.watchdogGraceMs,
        signal,
        phase: 'signing',
      });
      return { kind: 'Fido2', credentialAssertion };
    },
  });
}

/**
 * A user-action signer that confirms with one of the user's passkeys: `navigator.credentials.get`
 * with the challenge's UTF-8 bytes and the `allowCredentials.webauthn` ids (base64url-decoded),
 * under the same watchdog as registration. No passkey to offer → `no-signing-credential`.
 */
export function createWebAuthnUserActionSigner(
  options: WebAuthnUserActionSignerOptions = {},
): UserActionSignerWithProtocol {
  const { credentials } = options;
  return createPasskeyUserActionSigner({ get: (request) => browserGet(request, credentials) }, options);
}
