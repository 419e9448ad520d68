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
  if (error instanceof CredkitError) return error;
  if (signal?.aborted) return new CredkitError('aborted', { phase, cause: error });
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
    case 'ConstraintError':
      return new CredkitError('constraint', { phase, cause: error });
    // §6.3.2 step 2: none of pubKeyCredParams is supported.
    case 'NotSupportedError':
      return new CredkitError('unsupported-algorithm', { phase, cause: error });
    // §5.1.3 step 7–8: RP id is not a registrable suffix of the origin, or the context is insecure.
    case 'SecurityError':
      return new CredkitError('security', { phase, cause: error });
    default:
      return new CredkitError('unknown', {
        message: `Something went wrong while creating the passkey${name ? ` (${name})` : ''}.`,
        phase,
        cause: error,
      });
  }
}
