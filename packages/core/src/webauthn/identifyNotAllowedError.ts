// A NotAllowedError this close to the timeout is the timeout firing, not a person cancelling.
const TIMEOUT_TOLERANCE = 0.95;

/**
 * What a `NotAllowedError` from `create()` or `get()` means. Browsers use it both for a dismissed
 * prompt and for a ceremony whose `timeout` ran out; the clock tells them apart: from 95% of the
 * timeout on it is `timed-out`, before that (or without a timeout) `cancelled`.
 */
export function identifyNotAllowedError(timeoutMs: number | undefined, elapsedMs: number): 'timed-out' | 'cancelled' {
  return timeoutMs !== undefined && elapsedMs >= timeoutMs * TIMEOUT_TOLERANCE ? 'timed-out' : 'cancelled';
}
