import { CredkitError, type RegistrationPhase } from '../errors/credkitError.ts';

/** How long after its own timeout credkit still waits for a WebAuthn call before abandoning it. */
export const DEFAULT_WATCHDOG_GRACE_MS = 3_000;

/** Options of {@link withWatchdog}. */
export interface WatchdogOptions<T> {
  /** Starts the browser call with the signal to abort it by. */
  start: (signal: AbortSignal) => Promise<T>;
  /** The call's own timeout, in milliseconds. */
  timeoutMs: number;
  /** Extra wait after the timeout. @defaultValue 3000 */
  graceMs?: number;
  /** The caller's signal: aborting it ends the call at once, even if the browser ignores it. */
  signal?: AbortSignal;
  /** The phase the call belongs to (for the `timed-out` error). */
  phase: RegistrationPhase;
  /** Turns the call's failure into a CredkitError. */
  classify: (error: unknown, elapsedMs: number, signal: AbortSignal) => CredkitError;
}

/**
 * Runs a WebAuthn call with its own AbortController (one per call, never shared) and settles no later
 * than the caller's abort or `timeout + grace`: some browsers leave a call pending forever and ignore
 * `timeout`; the watchdog then aborts it and reports `timed-out`.
 */
export async function withWatchdog<T>({
  start,
  timeoutMs,
  graceMs = DEFAULT_WATCHDOG_GRACE_MS,
  signal,
  phase,
  classify,
}: WatchdogOptions<T>): Promise<T> {
  // This call's own controller: aborting it ends this call and nothing else.
  const controller = new AbortController();
  const callSignal = controller.signal;
  const forwardAbort = () => controller.abort(signal?.reason);

  // The watchdog: a call still pending after its timeout and the grace is aborted.
  let watchdogFired = false;
  const watchdog = setTimeout(() => {
    watchdogFired = true;
    controller.abort(new DOMException('credkit watchdog: the WebAuthn call outlived its timeout', 'TimeoutError'));
  }, timeoutMs + graceMs);

  const startedAt = performance.now();
  try {
    return await new Promise<T>((resolve, reject) => {
      // Rejects as soon as the call is aborted, even if the browser's promise never settles.
      callSignal.addEventListener('abort', () => reject(callSignal.reason), { once: true });
      if (signal?.aborted) forwardAbort();
      else signal?.addEventListener('abort', forwardAbort, { once: true });
      start(callSignal).then(resolve, reject);
    });
  } catch (error) {
    if (watchdogFired) throw new CredkitError('timed-out', { phase, cause: error });
    throw classify(error, performance.now() - startedAt, callSignal);
  } finally {
    clearTimeout(watchdog);
    signal?.removeEventListener('abort', forwardAbort);
  }
}
