import { abortError } from './abortError.ts';
import { CredkitError } from './credkitError.ts';

/** What the classifier knows about the ceremony that failed. */
export interface CeremonyContext {
  /** The options the ceremony was started with. */
  publicKey: PublicKeyCredentialCreationOptions;
  /** Milliseconds between the call to `create` and its failure. */
  elapsedMs: number;
  /** The signal passed to `create`, if any. */
  signal?: AbortSignal;
}

// A NotAllowedError this close to the timeout is the timeout firing, not a person cancelling.
const TIMEOUT_TOLERANCE = 0.95;

/**
 * An error thrown by `navigator.credentials.create` → a {@link CredkitError}.
 * The DOMException stays in `cause`. Spec: https://www.w3.org/TR/webauthn-3/#sctn-createCredential
 */
export function identifyCeremonyError(error: unknown, { publicKey, elapsedMs, signal }: CeremonyContext): CredkitError {
  const phase = 'ceremony';
  if (signal?.aborted) return abortError(signal, phase, error);
  if (error instanceof CredkitError) {
    error.phase ??= phase;
    return error;
  }
  const name = error instanceof Error || error instanceof DOMException ? error.name : undefined;
  switch (name) {
    case 'AbortError':
      return new CredkitError('aborted', { phase, cause: error });
    // §5.1.3 step 20 / §6.3.2 step 3: a credential in excludeCredentials is on this authenticator.
    case 'InvalidStateError':
      return new CredkitError('already-registered', { phase, cause: error });
    // Browsers use NotAllowedError both for "dismissed" and for "timed out"; the clock tells them apart.
    case 'NotAllowedError': {
      const timeout = publicKey.timeout;
      const timedOut = timeout !== undefined && elapsedMs >= timeout * TIMEOUT_TOLERANCE;
      return new CredkitError(timedOut ? 'timed-out' : 'cancelled', { phase, cause: error });
    }
    // §6.3.2 steps 4–5: resident key or user verification required but not available.
    // (The branches follow @simplewebauthn/browser's identifyRegistrationError, which it does not export.)
    case 'ConstraintError': {
      const selection = publicKey.authenticatorSelection;
      const message =
        selection?.requireResidentKey === true || selection?.residentKey === 'required'
          ? 'This authenticator cannot store a discoverable passkey, which this account requires.'
          : selection?.userVerification === 'required'
            ? 'This authenticator cannot verify you (no PIN or biometrics), which this account requires.'
            : undefined;
      return new CredkitError('constraint', { phase, cause: error, message });
    }
    // §5.1.3 step 10: no entry of type "public-key"; §6.3.2 step 2: none of the algorithms is supported.
    case 'NotSupportedError':
      return publicKey.pubKeyCredParams.some((param) => param.type === 'public-key')
        ? new CredkitError('unsupported-algorithm', { phase, cause: error })
        : new CredkitError('invalid-challenge', {
            phase,
            cause: error,
            message: 'The server sent a registration challenge whose pubKeyCredParams has no "public-key" entry.',
          });
    // §5.1.3 steps 7–8: the RP id is not a registrable suffix of the origin, or the context is insecure.
    case 'SecurityError':
      return new CredkitError('security', {
        phase,
        cause: error,
        message: securityMessage(publicKey.rp.id),
      });
    // §5.1.3 step 5: user.id must be 1 to 64 bytes.
    case 'TypeError': {
      const idLength = (publicKey.user.id as ArrayBufferView | ArrayBuffer).byteLength;
      if (idLength < 1 || idLength > 64) {
        return new CredkitError('invalid-challenge', {
          phase,
          cause: error,
          message: `The server sent a registration challenge whose user.id is ${idLength} bytes (1 to 64 allowed).`,
        });
      }
      break;
    }
  }
  return new CredkitError('unknown', {
    message: `Something went wrong while creating the passkey${name ? ` (${name})` : ''}.`,
    phase,
    cause: error,
  });
}

function securityMessage(rpId: string | undefined): string | undefined {
  const host = typeof location === 'undefined' ? undefined : location.hostname;
  if (rpId === undefined || host === undefined) return undefined;
  return `The passkey request is for "${rpId}", which this page (${host}) may not use: the relying party id must be the page's domain or a parent of it, on a secure origin.`;
}
