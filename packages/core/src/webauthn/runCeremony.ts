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
  /** `'conditional'`: conditional create (automatic passkey upgrade), no modal sheet. */
  mediation?: 'conditional';
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
  mediation,
}: RunCeremonyOptions): Promise<Credential | null> {
  return withWatchdog({
    start: (ceremonySignal) => {
      const request: CredentialCreationOptions = { publicKey, signal: ceremonySignal };
      // TypeScript's DOM library (5.9) lacks `mediation` on CredentialCreationOptions; browsers read it.
      if (mediation) Object.assign(request, { mediation });
      return credentials.create(request);
    },
    timeoutMs: publicKey.timeout ?? DEFAULT_CEREMONY_TIMEOUT_MS,
    graceMs: watchdogGraceMs,
    signal,
    phase: 'ceremony',
    classify: (error, elapsedMs, ceremonySignal) =>
      identifyCeremonyError(error, { publicKey, elapsedMs, signal: ceremonySignal }),
  });
}
