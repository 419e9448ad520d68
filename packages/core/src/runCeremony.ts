import { DEFAULT_CEREMONY_TIMEOUT_MS } from './creationOptions.ts';
import { CredkitError } from './credkitError.ts';
import { identifyCeremonyError } from './identifyCeremonyError.ts';
import type { CredentialCreator } from './webAuthnSupport.ts';

/** How long after its own timeout credkit still waits for a `create()` before abandoning it. */
export const DEFAULT_WATCHDOG_GRACE_MS = 3_000;

/** Options of {@link runCeremony}. */
export interface RunCeremonyOptions {
  credentials: CredentialCreator;
  publicKey: PublicKeyCredentialCreationOptions;
  /** The caller's signal: aborting it ends the ceremony at once, even if `create()` ignores it. */
  signal?: AbortSignal;
  /** Extra wait after `publicKey.timeout`. @defaultValue 3000 */
  watchdogGraceMs?: number;
}

/**
 * Calls `credentials.create` with its own AbortController (one per call, never shared), and
 * settles no later than the caller's abort or `timeout + grace`: some browsers leave `create()`
 * pending forever and ignore `timeout`; the watchdog then aborts it and reports `timed-out`.
 * Failures come back classified as {@link CredkitError}s.
 */
export async function runCeremony({
  credentials,
  publicKey,
  signal,
  watchdogGraceMs = DEFAULT_WATCHDOG_GRACE_MS,
}: RunCeremonyOptions): Promise<Credential | null> {
  const controller = new AbortController();
  const startedAt = performance.now();
  let watchdogFired = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopAbandon: (() => void) | undefined;

  const abandon = new Promise<never>((_resolve, reject) => {
    const onAbort = () => reject(controller.signal.reason);
    controller.signal.addEventListener('abort', onAbort, { once: true });
    stopAbandon = () => controller.signal.removeEventListener('abort', onAbort);
  });
  const forwardAbort = () => controller.abort(signal?.reason);
  if (signal?.aborted) forwardAbort();
  signal?.addEventListener('abort', forwardAbort, { once: true });
  timer = setTimeout(
    () => {
      watchdogFired = true;
      controller.abort(new DOMException('credkit watchdog: create() outlived its timeout', 'TimeoutError'));
    },
    (publicKey.timeout ?? DEFAULT_CEREMONY_TIMEOUT_MS) + watchdogGraceMs,
  );

  try {
    return await Promise.race([credentials.create({ publicKey, signal: controller.signal }), abandon]);
  } catch (error) {
    if (watchdogFired) {
      return Promise.reject(new CredkitError('timed-out', { phase: 'ceremony', cause: error }));
    }
    const elapsedMs = performance.now() - startedAt;
    return Promise.reject(identifyCeremonyError(error, { publicKey, elapsedMs, signal: controller.signal }));
  } finally {
    clearTimeout(timer);
    stopAbandon?.();
    signal?.removeEventListener('abort', forwardAbort);
    abandon.catch(() => undefined);
  }
}
