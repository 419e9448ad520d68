import { DEFAULT_CEREMONY_TIMEOUT_MS } from './creationOptions.ts';
import { identifyCeremonyError } from './identifyCeremonyError.ts';
import type { CredentialCreator } from './webAuthnSupport.ts';
import { withWatchdog } from './withWatchdog.ts';

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
 * Calls `credentials.create` under {@link withWatchdog}: settles no later than the caller's abort or
 * `timeout + grace`. Failures come back classified as {@link CredkitError}s.
 */
export function runCeremony({
  credentials,
  publicKey,
  signal,
  watchdogGraceMs,
}: RunCeremonyOptions): Promise<Credential | null> {
  return withWatchdog({
    start: (ceremonySignal) => credentials.create({ publicKey, signal: ceremonySignal }),
    timeoutMs: publicKey.timeout ?? DEFAULT_CEREMONY_TIMEOUT_MS,
    graceMs: watchdogGraceMs,
    signal,
    phase: 'ceremony',
    classify: (error, elapsedMs, ceremonySignal) =>
      identifyCeremonyError(error, { publicKey, elapsedMs, signal: ceremonySignal }),
  });
}
