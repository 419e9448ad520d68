import { validateFido2Challenge } from '../dfns/challenge.ts';
import type { CreateCredentialResponse, Fido2CredentialChallenge, RelyingParty } from '../dfns/dfnsTypes.ts';
import { throwIfAborted } from '../errors/abortError.ts';
import type { RegistrationPhase } from '../errors/credkitError.ts';
import type { Fetcher } from '../http/fetcher.ts';
import { checkSigner } from '../userAction/checkSigner.ts';
import type { UserActionSignerWithProtocol } from '../userAction/userAction.ts';
import type { AuthenticatorChoice } from '../webauthn/authenticatorChoice.ts';
import { createPasskey } from '../webauthn/createPasskey.ts';
import { forgetRefusedPasskey } from '../webauthn/forgetRefusedPasskey.ts';
import { loadBrowserCeremony } from '../webauthn/loadBrowserCeremony.ts';
import type { PasskeyCeremony } from '../webauthn/passkeyCeremony.ts';
import {
  browserCredentials,
  type CredentialCreator,
  type detectWebAuthnCapabilities,
} from '../webauthn/webAuthnSupport.ts';
import { checkCredentialName } from './checkCredentialName.ts';
import { fetchChallenge } from './fetchChallenge.ts';
import { submitCredential } from './submitCredential.ts';

/** Options of {@link registerPasskey}. */
export interface RegisterPasskeyOptions {
  /** Makes the HTTP calls; the host owns base URL, auth headers and user-action signing. */
  fetcher: Fetcher;
  /** The relying party the passkey is created for. */
  rp: RelyingParty;
  /** The human-readable name of the new credential (at least one character). */
  credentialName: string;
  /** The ceremony timeout in milliseconds. @defaultValue 60000 */
  timeout?: number;
  /**
   * Confirms the change with one of the user's existing credentials (Dfns user-action signing:
   * `X-DFNS-USERACTION`), as Dfns requires for `POST /auth/credentials`. Adds the phase `signing`.
   * A credkit signer, or any other through `withUserActionProtocol(signer)`.
   */
  userActionSigner?: UserActionSignerWithProtocol;
  /** Aborts the whole registration, whichever phase it is in. */
  signal?: AbortSignal;
  /** A challenge fetched beforehand (the registration engine's prefetch); fetched now when absent. */
  challenge?: Fido2CredentialChallenge;
  /** Called as the registration enters each phase. */
  onPhase?: (phase: RegistrationPhase) => void;
  /**
   * Who runs `navigator.credentials.create()`: credkit's own ceremony by default, or
   * `simpleWebAuthnCeremony` from `@credkit/core/simplewebauthn` for an app that ships SimpleWebAuthn.
   */
  ceremony?: PasskeyCeremony;
  /** The object whose `create` runs credkit's own ceremony (not used with `ceremony`). @defaultValue navigator.credentials */
  credentials?: CredentialCreator;
  /** How long after `timeout` a `create()` that never settles is abandoned as `timed-out`. @defaultValue 3000 */
  watchdogGraceMs?: number;
  /** Where the person wants the passkey ("This device", "Security key", "Phone or tablet"): `hints` + `authenticatorAttachment`. */
  authenticator?: AuthenticatorChoice;
  /**
   * `'conditional'`: conditional create, the automatic passkey upgrade right after a password
   * sign-in (check `conditionalCreate` in {@link detectWebAuthnCapabilities} first). No sheet is
   * shown; the password manager creates the passkey or the call fails.
   */
  mediation?: 'conditional';
}

/** Fetches and validates a Fido2 challenge (`POST /auth/credentials/init` `{ kind: "Fido2" }`). */
export function fetchFido2Challenge(fetcher: Fetcher, signal?: AbortSignal): Promise<Fido2CredentialChallenge> {
  return fetchChallenge(fetcher, 'Fido2', validateFido2Challenge, signal);
}

/**
 * Registers a Fido2 credential (a passkey):
 * `POST /auth/credentials/init` → `navigator.credentials.create` → `POST /auth/credentials`.
 * Resolves with the validated `CreateCredentialResponse`; rejects with a {@link CredkitError}.
 */
export async function registerPasskey(options: RegisterPasskeyOptions): Promise<CreateCredentialResponse> {
  const { fetcher, rp, timeout, signal, onPhase } = options;
  const credentialName = checkCredentialName(options.credentialName);
  checkSigner(options.userActionSigner);
  // credkit's own ceremony needs the passkey API: `unsupported` before anything is fetched.
  const credentials = options.ceremony ? undefined : (options.credentials ?? browserCredentials('ceremony'));
  throwIfAborted(signal, 'challenge');

  let challenge = options.challenge;
  if (!challenge) {
    onPhase?.('challenge');
    challenge = await fetchFido2Challenge(fetcher, signal);
  }
  throwIfAborted(signal, 'challenge');

  onPhase?.('ceremony');
  const ceremony = options.ceremony ?? (await loadBrowserCeremony()).browserCreator(credentials);
  const credentialInfo = await createPasskey(challenge, {
    ceremony,
    rp,
    timeout,
    authenticator: options.authenticator,
    watchdogGraceMs: options.watchdogGraceMs,
    mediation: options.mediation,
    signal,
  });

  try {
    throwIfAborted(signal, 'ceremony');
    return await submitCredential(
      fetcher,
      { credentialKind: 'Fido2', credentialInfo, credentialName, challengeIdentifier: challenge.challengeIdentifier },
      { signal, onPhase, userActionSigner: options.userActionSigner },
    );
  } catch (error) {
    forgetRefusedPasskey(error, rp.id, credentialInfo.credId);
    throw error;
  }
}
