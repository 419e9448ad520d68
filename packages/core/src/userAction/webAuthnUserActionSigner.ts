import { CredkitError } from '../errors/credkitError.ts';
import { browserGet, type CredentialGetter } from '../webauthn/browserGet.ts';
import { getAssertion } from '../webauthn/getAssertion.ts';
import type { PasskeyCeremony } from '../webauthn/passkeyCeremony.ts';
import { type UserActionSignerWithProtocol, withUserActionProtocol } from './userAction.ts';

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
      const { credentialAssertion } = await getAssertion(challenge, { ...options, ceremony, signal });
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
