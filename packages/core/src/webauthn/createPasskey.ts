import type { Fido2CredentialChallenge, Fido2CredentialInfo, RelyingParty } from '../dfns/dfnsTypes.ts';
import type { AuthenticatorChoice } from './authenticatorChoice.ts';
import { DEFAULT_CEREMONY_TIMEOUT_MS, toCreationOptionsJSON } from './creationOptions.ts';
import type { PasskeyCeremony } from './passkeyCeremony.ts';
import { withWatchdog } from './withWatchdog.ts';

/** Options of {@link createPasskey}. */
export interface CreatePasskeyOptions {
  /** Who runs `navigator.credentials.create()`. */
  ceremony: Pick<PasskeyCeremony, 'create'>;
  /** The relying party the passkey is created for. */
  rp: RelyingParty;
  /** The ceremony timeout in milliseconds. @defaultValue 60000 */
  timeout?: number;
  /** Where the person wants the passkey: `hints` + `authenticatorAttachment`. */
  authenticator?: AuthenticatorChoice;
  /** How long after `timeout` a `create()` that never settles is abandoned as `timed-out`. @defaultValue 3000 */
  watchdogGraceMs?: number;
  /** `'conditional'`: the automatic passkey upgrade, no sheet. */
  mediation?: 'conditional';
  /** Aborts the ceremony. */
  signal?: AbortSignal | undefined;
}

/**
 * The ceremony of every passkey flow: the Dfns challenge → creation options (the byte rules) →
 * the ceremony's `create()` under the watchdog → the Dfns `credentialInfo`.
 */
export function createPasskey(
  challenge: Fido2CredentialChallenge,
  { ceremony, rp, timeout, authenticator, watchdogGraceMs, mediation, signal }: CreatePasskeyOptions,
): Promise<Fido2CredentialInfo> {
  const optionsJSON = toCreationOptionsJSON(challenge, { rp, timeout, authenticator });
  return withWatchdog({
    start: (callSignal) => ceremony.create({ optionsJSON, signal: callSignal, mediation }),
    timeoutMs: optionsJSON.timeout ?? DEFAULT_CEREMONY_TIMEOUT_MS,
    graceMs: watchdogGraceMs,
    signal,
    phase: 'ceremony',
  });
}
