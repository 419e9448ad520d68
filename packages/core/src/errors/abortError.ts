import { CredkitError, isCredkitError, type OperationRunPhase } from './credkitError.ts';

/**
 * The error for an aborted signal. A host (or the React hook's `cancel()`) that aborts with a
 * CredkitError as reason chooses the code, e.g. `cancelled`; any other reason gives `aborted`.
 */
export function abortError(signal: AbortSignal, phase?: OperationRunPhase, cause?: unknown): CredkitError {
  const reason: unknown = signal.reason;
  if (isCredkitError(reason)) {
    reason.phase ??= phase;
    return reason;
  }
  return new CredkitError('aborted', { phase, cause: cause ?? reason });
}

/** Throws the abort's CredkitError when `signal` is aborted. */
export function throwIfAborted(signal: AbortSignal | undefined, phase: OperationRunPhase): void {
  if (signal?.aborted) throw abortError(signal, phase);
}
