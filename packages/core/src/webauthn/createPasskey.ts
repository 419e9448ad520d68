import type { Fido2CredentialChallenge, Fido2CredentialInfo, RelyingParty } from '../dfns/dfnsTypes.ts';
import type { AuthenticatorChoice } from './authenticatorChoice.ts';
import { toCreationOptions } from './creationOptions.ts';
import { toFido2CredentialInfo } from './fido2Payload.ts';
import { runCeremony } from './runCeremony.ts';
import type { CredentialCreator } from './webAuthnSupport.ts';

/** Options of {@link createPasskey}. */
export interface CreatePasskeyOptions {
  /** The object whose `create` runs the ceremony. */
  credentials: CredentialCreator;
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
  signal?: AbortSignal;
}

/**
 * The ceremony of every passkey flow: the Dfns challenge → creation options (the byte rules) →
 * `navigator.credentials.create` under the watchdog → the Dfns `credentialInfo`.
 */
export async function createPasskey(
  challenge: Fido2CredentialChallenge,
  { credentials, rp, timeout, authenticator, watchdogGraceMs, mediation, signal }: CreatePasskeyOptions,
): Promise<Fido2CredentialInfo> {
  const publicKey = toCreationOptions(challenge, { rp, timeout, authenticator });
  const credential = await runCeremony({ credentials, publicKey, signal, watchdogGraceMs, mediation });
  return toFido2CredentialInfo(credential);
}
