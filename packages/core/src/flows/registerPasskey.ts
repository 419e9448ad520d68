import { validateFido2Challenge } from '../dfns/challenge.ts';
import type {
  CreateCredentialBody,
  CreateCredentialResponse,
  Fido2CredentialChallenge,
  RelyingParty,
} from '../dfns/dfnsTypes.ts';
import { throwIfAborted } from '../errors/abortError.ts';
import type { OperationRunPhase } from '../errors/credkitError.ts';
import type { Fetcher } from '../http/fetcher.ts';
import { defaultPasskeyName } from '../providers/defaultPasskeyName.ts';
import type { UserActionSignerWithProtocol } from '../userAction/userAction.ts';
import type { AuthenticatorChoice } from '../webauthn/authenticatorChoice.ts';
import { browserCeremony } from '../webauthn/browserCeremony.ts';
import { createPasskey } from '../webauthn/createPasskey.ts';
import { forgetRefusedPasskey } from '../webauthn/forgetRefusedPasskey.ts';
import type { PasskeyCeremony } from '../webauthn/passkeyCeremony.ts';
import {
  browserCredentials,
  type CredentialCreator,
  type detectWebAuthnCapabilities,
} from '../webauthn/webAuthnSupport.ts';
import { checkPasskeyName } from './checkCredentialName.ts';
import { type ChallengeOrigin, fetchChallenge } from './fetchChallenge.ts';
import type { ChallengeSource, Completion } from './hostBackend.ts';
import { checkSubmitOptions, submitCredential } from './submitCredential.ts';

/** Options of {@link registerPasskey}. */
export interface RegisterPasskeyOptions {
  /**
   * Makes the HTTP calls; the host owns base URL, auth headers and user-action signing. Needed unless
   * `challengeSource` and `completion` are both given (`invalid-input` otherwise).
   */
  fetcher?: Fetcher;
  /**
   * Your backend obtains the challenge instead of `POST /auth/credentials/init` (it calls Dfns with the
   * user's token) and resolves with it as Dfns answered; the kit validates it (`invalid-challenge`).
   * @defaultValue the kit's own `POST /auth/credentials/init` through `fetcher`
   */
  challengeSource?: ChallengeSource;
  /**
   * Your backend completes the registration instead of `POST /auth/credentials`: it gets exactly that
   * request's body (`CreateCredentialBody`) and resolves with Dfns's answer (`createCredentialComplete`'s).
   * Your backend then confirms the change: pass no `userActionSigner` (`invalid-input`).
   * @defaultValue the kit's own `POST /auth/credentials` through `fetcher`
   */
  completion?: Completion<CreateCredentialBody>;
  /** The relying party the passkey is created for. */
  rp: RelyingParty;
  /**
   * The human-readable name of the new credential. Absent or blank: its provider's ("Apple Passwords",
   * "Google Password Manager"), from the passkey's AAGUID, else "Passkey".
   */
  credentialName?: string | undefined;
  /** The ceremony timeout in milliseconds. @defaultValue 60000 */
  timeout?: number;
  /**
   * Confirms the change with one of the user's existing credentials (Dfns user-action signing:
   * `X-DFNS-USERACTION`), as Dfns requires for `POST /auth/credentials`. Adds the phase `signing`.
   * A credkit signer, or any other through `withUserActionProtocol(signer)`.
   */
  userActionSigner?: UserActionSignerWithProtocol;
  /** Aborts the whole registration, whichever phase it is in. */
  signal?: AbortSignal | undefined;
  /** A challenge fetched beforehand (the registration engine's prefetch); fetched now when absent. */
  challenge?: Fido2CredentialChallenge;
  /** Called as the registration enters each phase. */
  onPhase?: (phase: OperationRunPhase) => void;
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

/** Fetches and validates a Fido2 challenge (`POST /auth/credentials/init` `{ kind: "Fido2" }`, or the host's source). */
export function fetchFido2Challenge(origin: ChallengeOrigin, signal?: AbortSignal): Promise<Fido2CredentialChallenge> {
  return fetchChallenge(origin, 'Fido2', validateFido2Challenge, signal);
}

/**
 * Registers a Fido2 credential (a passkey):
 * `POST /auth/credentials/init` → `navigator.credentials.create` → `POST /auth/credentials`, either
 * call made by the host's backend instead when `challengeSource` / `completion` are given.
 * Resolves with the validated `CreateCredentialResponse`; rejects with a {@link CredkitError}.
 */
export async function registerPasskey(options: RegisterPasskeyOptions): Promise<CreateCredentialResponse> {
  const { fetcher, rp, timeout, signal, onPhase } = options;
  const givenName = checkPasskeyName(options.credentialName);
  checkSubmitOptions(options);
  // credkit's own ceremony needs the passkey API: `unsupported` before anything is fetched.
  const credentials = options.ceremony ? undefined : (options.credentials ?? browserCredentials('ceremony'));
  throwIfAborted(signal, 'challenge');

  let challenge = options.challenge;
  if (!challenge) {
    onPhase?.('challenge');
    challenge = await fetchFido2Challenge(options, signal);
  }
  throwIfAborted(signal, 'challenge');

  onPhase?.('ceremony');
  // No await once the chunk is in (the engine preloads it at mount): with a prefetched challenge, the
  // click reaches `create()` synchronously, before any render or other microtask.
  const ceremony =
    options.ceremony ?? (browserCeremony.loaded ?? (await browserCeremony.load())).browserCreator(credentials);
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
    const credentialName = givenName ?? (await defaultPasskeyName(credentialInfo));
    throwIfAborted(signal, 'ceremony');
    return await submitCredential(
      fetcher,
      { credentialKind: 'Fido2', credentialInfo, credentialName, challengeIdentifier: challenge.challengeIdentifier },
      { signal, onPhase, userActionSigner: options.userActionSigner, completion: options.completion },
    );
  } catch (error) {
    forgetRefusedPasskey(error, rp.id, credentialInfo.credId);
    throw error;
  }
}
