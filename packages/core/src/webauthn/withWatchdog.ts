import { abortError } from '../errors/abortError.ts';
import { CredkitError, isCredkitError, type OperationRunPhase } from '../errors/credkitError.ts';

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
  signal?: AbortSignal | undefined;
  /** The phase the call belongs to (for the errors it ends with). */
  phase: OperationRunPhase;
}

// The controller of credkit's WebAuthn call in progress, if any: a page has one prompt at a time.
let callInProgress: AbortController | undefined;
// Who waits for the page's prompt to be free (an autofill sign-in replaced by a newer prompt).
const waitingForNoCall = new Set<() => void>();

/**
 * Resolves once no credkit WebAuthn call is in progress (at once when none is): how a background
 * request replaced by a newer prompt (the autofill sign-in) knows when it may ask again.
 */
export function whenNoCallInProgress(): Promise<void> {
  if (!callInProgress) return Promise.resolve();
  return new Promise((resolve) => waitingForNoCall.add(resolve));
}

/**
 * Runs a WebAuthn call with its own AbortController (one per call, never shared) and settles no later
 * than the caller's abort or `timeout + grace`: some browsers leave a call pending forever and ignore
 * `timeout`; the watchdog then aborts it and reports `timed-out`.
 *
 * The newest call wins: starting one aborts credkit's call in progress (say, an automatic passkey
 * upgrade waiting in the background when the person clicks "Add passkey"), which ends `aborted`;
 * browsers refuse a second call while one is pending. Aborting a call never touches another one.
 * The call's own failure is expected as a CredkitError (the ceremony classifies it); anything else
 * is `unknown`.
 */
export async function withWatchdog<T>({
  start,
  timeoutMs,
  graceMs = DEFAULT_WATCHDOG_GRACE_MS,
  signal,
  phase,
}: WatchdogOptions<T>): Promise<T> {
  // This call's own controller: aborting it ends this call and nothing else.
  const controller = new AbortController();
  const callSignal = controller.signal;
  const forwardAbort = () => controller.abort(signal?.reason);

  callInProgress?.abort(new CredkitError('aborted', { message: 'A newer passkey prompt replaced this one.' }));
  callInProgress = controller;

  // The watchdog: a call still pending after its timeout and the grace is aborted.
  let watchdogFired = false;
  const watchdog = setTimeout(() => {
    watchdogFired = true;
    controller.abort(new DOMException('credkit watchdog: the WebAuthn call outlived its timeout', 'TimeoutError'));
  }, timeoutMs + graceMs);

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
    if (callSignal.aborted) throw abortError(callSignal, phase, error);
    if (!isCredkitError(error)) throw new CredkitError('unknown', { phase, cause: error });
    error.phase ??= phase;
    throw error;
  } finally {
    if (callInProgress === controller) {
      callInProgress = undefined;
      for (const resolve of waitingForNoCall) resolve();
      waitingForNoCall.clear();
    }
    clearTimeout(watchdog);
    signal?.removeEventListener('abort', forwardAbort);
  }
}
