import { fromBase64url, isArrayBuffer, toBase64url, utf8 } from '../encoding/base64url.ts';
import { abortError } from '../errors/abortError.ts';
import { CredkitError } from '../errors/credkitError.ts';
import { DEFAULT_CEREMONY_TIMEOUT_MS } from '../webauthn/creationOptions.ts';
import { identifyNotAllowedError } from '../webauthn/identifyNotAllowedError.ts';
import { browserCredentials } from '../webauthn/webAuthnSupport.ts';
import { withWatchdog } from '../webauthn/withWatchdog.ts';
import { type UserActionSignerWithProtocol, withUserActionProtocol } from './userAction.ts';

/** The part of `navigator.credentials` a WebAuthn signer uses; inject one in tests. */
export interface CredentialGetter {
  get(options: CredentialRequestOptions): Promise<Credential | null>;
}

/** Options of {@link createWebAuthnUserActionSigner}. */
export interface WebAuthnUserActionSignerOptions {
  /** The RP id the passkeys were created for. @defaultValue the page's effective domain */
  rpId?: string;
  /** The prompt's timeout in milliseconds. @defaultValue 60000 */
  timeout?: number;
  /** How long after `timeout` a `get()` that never settles is abandoned as `timed-out`. @defaultValue 3000 */
  watchdogGraceMs?: number;
  /** The object whose `get` runs the ceremony. @defaultValue navigator.credentials */
  credentials?: CredentialGetter;
}

interface AssertionLike {
  rawId: ArrayBuffer;
  response: {
    clientDataJSON: ArrayBuffer;
    authenticatorData: ArrayBuffer;
    signature: ArrayBuffer;
    userHandle?: ArrayBuffer | null;
  };
}

function isAssertion(value: unknown): value is AssertionLike {
  const candidate = value as Partial<AssertionLike> | null;
  return (
    isArrayBuffer(candidate?.rawId) &&
    isArrayBuffer(candidate?.response?.clientDataJSON) &&
    isArrayBuffer(candidate?.response?.authenticatorData) &&
    isArrayBuffer(candidate?.response?.signature)
  );
}

function identifySigningError(error: unknown, timeout: number, elapsedMs: number, signal: AbortSignal): CredkitError {
  const phase = 'signing';
  if (signal.aborted) return abortError(signal, phase, error);
  const name = error instanceof Error || error instanceof DOMException ? error.name : undefined;
  if (name === 'AbortError') return new CredkitError('aborted', { phase, cause: error });
  if (name === 'NotAllowedError') {
    return identifyNotAllowedError(timeout, elapsedMs) === 'timed-out'
      ? new CredkitError('timed-out', { phase, cause: error, message: 'Confirming with your passkey timed out.' })
      : new CredkitError('cancelled', {
          phase,
          cause: error,
          message: 'Confirming with an existing passkey was cancelled or did not succeed. Nothing was changed.',
        });
  }
  if (name === 'SecurityError') return new CredkitError('security', { phase, cause: error });
  return new CredkitError('unknown', { phase, cause: error });
}

/**
 * A user-action signer that confirms with one of the user's passkeys: `navigator.credentials.get`
 * with the challenge's UTF-8 bytes and the `allowCredentials.webauthn` ids (base64url-decoded),
 * under the same watchdog as registration. No passkey to offer → `no-signing-credential`.
 */
export function createWebAuthnUserActionSigner(
  options: WebAuthnUserActionSignerOptions = {},
): UserActionSignerWithProtocol {
  const timeout = options.timeout ?? DEFAULT_CEREMONY_TIMEOUT_MS;
  return withUserActionProtocol({
    async sign(challenge, signal) {
      const getter = options.credentials ?? browserCredentials('signing');
      const allowed = challenge.allowCredentials.webauthn;
      if (allowed.length === 0) throw new CredkitError('no-signing-credential', { phase: 'signing' });
      const publicKey: PublicKeyCredentialRequestOptions = {
        challenge: utf8(challenge.challenge),
        allowCredentials: allowed.map(({ id }) => ({ type: 'public-key', id: fromBase64url(id) })),
        userVerification: challenge.userVerification,
        timeout,
        ...(options.rpId !== undefined && { rpId: options.rpId }),
      };
      const credential = await withWatchdog({
        start: (ceremonySignal) => getter.get({ publicKey, signal: ceremonySignal }),
        timeoutMs: timeout,
        graceMs: options.watchdogGraceMs,
        signal,
        phase: 'signing',
        classify: (error, elapsedMs, ceremonySignal) => identifySigningError(error, timeout, elapsedMs, ceremonySignal),
      });
      if (!isAssertion(credential)) {
        throw new CredkitError('unknown', { phase: 'signing', message: 'The browser returned no usable assertion.' });
      }
      const { response } = credential;
      return {
        kind: 'Fido2',
        credentialAssertion: {
          credId: toBase64url(credential.rawId),
          clientData: toBase64url(response.clientDataJSON),
          authenticatorData: toBase64url(response.authenticatorData),
          signature: toBase64url(response.signature),
          ...(isArrayBuffer(response.userHandle) && { userHandle: toBase64url(response.userHandle) }),
        },
      };
    },
  });
}
