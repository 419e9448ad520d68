import { lazyModule } from '../chunks/lazyModule.ts';
import type {
  CreateCredentialBody,
  CreateCredentialResponse,
  KeyCredentialKind,
  RelyingParty,
} from '../dfns/dfnsTypes.ts';
import type { CredkitError, OperationRunPhase } from '../errors/credkitError.ts';
import { requestCredentialChallenge } from '../flows/fetchChallenge.ts';
import type { ChallengeSource, Completion } from '../flows/hostBackend.ts';
import type { Fetcher } from '../http/fetcher.ts';
import type { UserActionSignerWithProtocol } from '../userAction/userAction.ts';
import type { AuthenticatorChoice } from '../webauthn/authenticatorChoice.ts';
import { preloadBrowserCeremony } from '../webauthn/browserCeremony.ts';
import type { PasskeyCeremony } from '../webauthn/passkeyCeremony.ts';
import { type CredentialCreator, isWebAuthnAvailable } from '../webauthn/webAuthnSupport.ts';
import type { CeremonyEventOptions } from './ceremonyEvents.ts';
import { createChallengePrefetch } from './challengePrefetch.ts';
import {
  createOperationController,
  type OperationController,
  type OperationRunContext,
  type OperationSnapshot,
} from './operationController.ts';

/** The kinds of credential a {@link CredentialRegistrationController} registers. */
export type RegistrableCredentialKind = 'Fido2' | KeyCredentialKind;

/** What a key registration leaves with the host. */
export interface RegisteredKey {
  /** The new key pair; the private key is not extractable. */
  keyPair: CryptoKeyPair;
  /** PasswordProtectedKey, RecoveryKey: the wrapped private key the server stores. */
  encryptedPrivateKey?: string;
}

/** Options of {@link createCredentialRegistrationController}. */
export interface CredentialRegistrationOptions extends CeremonyEventOptions {
  /**
   * What to register: a passkey (`Fido2`), or a key made in the browser (`Key`,
   * `PasswordProtectedKey`, `RecoveryKey`; their code loads on first use). @defaultValue "Fido2"
   */
  kind?: RegistrableCredentialKind;
  /**
   * Makes the HTTP calls; the host owns base URL, auth headers and user-action signing. Needed unless
   * `challengeSource` and `completion` are both given (`invalid-input` otherwise).
   */
  fetcher?: Fetcher;
  /**
   * Your backend obtains each challenge instead of `POST /auth/credentials/init` (called with the
   * engine's signal, by the prefetch too) and resolves with it as Dfns answered; the kit validates it.
   * @defaultValue the kit's own `POST /auth/credentials/init` through `fetcher`
   */
  challengeSource?: ChallengeSource;
  /**
   * Your backend completes each registration instead of `POST /auth/credentials`: it gets exactly that
   * request's body and resolves with Dfns's answer. Pass no `userActionSigner` then (`invalid-input`).
   * @defaultValue the kit's own `POST /auth/credentials` through `fetcher`
   */
  completion?: Completion<CreateCredentialBody>;
  /** The relying party the passkey is created for. */
  rp: RelyingParty;
  /** The ceremony timeout in milliseconds. @defaultValue 60000 */
  timeout?: number;
  /**
   * Fido2: where the person wants the passkey ("This device", "Security key", "Phone or tablet"),
   * sent as WebAuthn `hints` plus the legacy `authenticatorAttachment`. @defaultValue the browser decides
   */
  authenticator?: AuthenticatorChoice;
  /** How long after `timeout` a ceremony that never settles is abandoned as `timed-out`. @defaultValue 3000 */
  watchdogGraceMs?: number;
  /**
   * Fetch the challenge before the click, so the click goes straight to `navigator.credentials.create`
   * (Safari spends the click's user activation on an awaited fetch). @defaultValue true
   */
  prefetchChallenge?: boolean;
  /** How long a prefetched challenge is used (and how often it is refreshed), in ms; keep it under the server's TTL. @defaultValue 120000 */
  challengeMaxAgeMs?: number;
  /** Called with the new credential once the server has stored it (and, for key kinds, the key pair). */
  onRegistered?: (credential: CreateCredentialResponse, key?: RegisteredKey) => void;
  /** Called with the error when a registration fails (not when unmounting or `reset()` abandoned it). */
  onError?: (error: CredkitError) => void;
  /**
   * Who runs `navigator.credentials.create()`: credkit's own ceremony by default, or
   * `simpleWebAuthnCeremony` from `@credkit/core/simplewebauthn` for an app that ships SimpleWebAuthn.
   */
  ceremony?: PasskeyCeremony;
  /** The object whose `create` runs credkit's own ceremony (not used with `ceremony`). @defaultValue navigator.credentials */
  credentials?: CredentialCreator;
  /**
   * Confirms the new credential with one of the user's existing ones (Dfns user-action signing), as
   * Dfns requires: e.g. `createWebAuthnUserActionSigner()`, or any signer through
   * `withUserActionProtocol(signer)`. Adds the phase `signing`.
   */
  userActionSigner?: UserActionSignerWithProtocol;
  /**
   * Fido2: `'conditional'` asks the password manager for a passkey without a prompt (the automatic
   * upgrade after a password sign-in). No challenge is prefetched then.
   */
  mediation?: 'conditional';
}

/** What one credential registration needs: its name, and the secret of a PasswordProtectedKey or RecoveryKey. */
export interface CredentialRegistrationInput {
  /**
   * The human-readable name of the new credential. A passkey's may be absent or blank: it is then named
   * after its provider (from its AAGUID), else "Passkey". A key kind's is required (`invalid-input`
   * without): a key made in the page has no provider to be named after.
   */
  credentialName?: string | undefined;
  /** PasswordProtectedKey: the password that wraps the private key. Never sent, nor kept for `retry()`. */
  password?: string;
  /** RecoveryKey: the recovery code that wraps the private key. Never sent, nor kept for `retry()`. */
  recoveryCode?: string;
  /** Key kinds: the new credential's ID, chosen beforehand (a RecoveryKey's, shown with its code). @defaultValue a new one */
  credentialId?: string;
}

/** What a successful credential registration gives. */
export interface CredentialRegistrationResult {
  /** The credential as the server stored it. */
  credential: CreateCredentialResponse;
  /** Key kinds: the key pair (and the wrapped private key). */
  key?: RegisteredKey;
}

/** What a {@link CredentialRegistrationController} holds: the phase, the last result, the error. */
export type CredentialRegistrationSnapshot = OperationSnapshot<CredentialRegistrationResult>;

/**
 * The controller of credential registrations; it owns its options (`setOptions`: the next
 * registration, and the prefetch, use them).
 */
export type CredentialRegistrationController = OperationController<
  CredentialRegistrationInput,
  CredentialRegistrationResult,
  OperationRunPhase,
  CredentialRegistrationOptions
>;

const DEFAULT_CHALLENGE_MAX_AGE_MS = 120_000;

/**
 * What a click runs, each kind's in a chunk of its own: the page's start bundle holds what renders the
 * form and prefetches the challenge. The passkey flow loads at mount (with the ceremony), so the click
 * finds it loaded and reaches `create()` without an await; key kinds load their WebCrypto code on
 * first use, so Fido2-only apps never download it.
 */
export const passkeyFlow = lazyModule(() => import('./passkeyRegistrationChunk.ts'));
export const keyFlow = lazyModule(() => import('../flows/registerKeyCredential.ts'));

const noop = () => undefined;

/**
 * Starts loading what a registration of `options.kind` will run, so that the click finds it loaded.
 * The passkey chunk also brings the host's events (`onEvent`, read from the controller's snapshots):
 * they cost the start bundle nothing, and observing twice is harmless.
 */
function preloadFlow(options: CredentialRegistrationOptions, controller: CredentialRegistrationController): void {
  if ((options.kind ?? 'Fido2') !== 'Fido2') return;
  // A failed load is retried, and reported, by the click.
  passkeyFlow.load().then((flow) => flow.observeRegistrationEvents(controller), noop);
  preloadBrowserCeremony(options);
}

async function runRegistration(
  options: CredentialRegistrationOptions,
  input: CredentialRegistrationInput,
  { signal, onPhase }: Omit<OperationRunContext, 'options'>,
  prefetched: unknown,
): Promise<CredentialRegistrationResult> {
  const { fetcher, challengeSource, completion, userActionSigner, kind = 'Fido2' } = options;
  if (kind !== 'Fido2') {
    const { registerKeyCredential } = keyFlow.loaded ?? (await keyFlow.load());
    const { credential, ...key } = await registerKeyCredential({
      fetcher,
      challengeSource,
      completion,
      kind,
      userActionSigner,
      // A key's name is required: the flow's check refuses a missing one as it does a blank one
      // (`invalid-input`), so the engine's input, whose name a passkey may omit, goes as it is.
      ...(input as CredentialRegistrationInput & { credentialName: string }),
      signal,
      onPhase,
    });
    return { credential, key };
  }
  const { registerPasskey, validateFido2Challenge } = passkeyFlow.loaded ?? (await passkeyFlow.load());
  const credential = await registerPasskey({
    fetcher,
    challengeSource,
    completion,
    rp: options.rp,
    timeout: options.timeout,
    authenticator: options.authenticator,
    watchdogGraceMs: options.watchdogGraceMs,
    ceremony: options.ceremony,
    credentials: options.credentials,
    mediation: options.mediation,
    userActionSigner,
    credentialName: input.credentialName,
    // The prefetch holds the challenge as the server sent it: it is checked here, with the rest of the click's code.
    challenge: prefetched === undefined ? undefined : validateFido2Challenge(prefetched),
    signal,
    onPhase,
  });
  return { credential };
}

/**
 * The registration controller of credkit's passkey and key registration: an
 * {@link OperationController} that registers one credential per `start({ credentialName })`, keeps a
 * Fido2 challenge prefetched while mounted (used once, refreshed by age and after each attempt), and
 * reports the outcome through its snapshot and callbacks. React's `useRegisterCredential` is a thin
 * adapter over it.
 */
export function createCredentialRegistrationController(
  initialOptions: CredentialRegistrationOptions,
): CredentialRegistrationController {
  let mounted = false;
  // The prefetch runs between operations: it reads the controller's options (declared below, read later).
  const prefetch = createChallengePrefetch({
    // The host's challengeSource when given: the click then goes straight to the prompt all the same.
    fetchChallenge: (signal: AbortSignal) => requestCredentialChallenge(controller.getOptions(), 'Fido2', signal),
    maxAgeMs: (): number => controller.getOptions().challengeMaxAgeMs ?? DEFAULT_CHALLENGE_MAX_AGE_MS,
  });
  // Only where a passkey can be created: elsewhere the challenge would be spent for nothing. (The
  // prefetch stops when the kind changes, so a challenge it holds is always a Fido2 one.)
  const shouldPrefetch = (options: CredentialRegistrationOptions) =>
    (options.kind ?? 'Fido2') === 'Fido2' &&
    options.prefetchChallenge !== false &&
    options.mediation === undefined &&
    (options.ceremony !== undefined || options.credentials !== undefined || isWebAuthnAvailable());

  const controller: CredentialRegistrationController = createOperationController<
    CredentialRegistrationInput,
    CredentialRegistrationResult,
    OperationRunPhase,
    CredentialRegistrationOptions
  >({
    options: initialOptions,
    run: (input, { options, ...context }) => runRegistration(options, input, context, prefetch.take()),
    cancelMessage: 'Registration cancelled. Nothing was registered.',
    // A password or recovery code is not kept once the attempt ends: retry() is for registrations without one.
    keepInputForRetry: (input) => input.password === undefined && input.recoveryCode === undefined,
    onSuccess: ({ credential, key }, options) => options.onRegistered?.(credential, key),
    onError: (error, options) => options.onError?.(error),
    // A challenge is used once: whatever happened, get a fresh one for the next attempt.
    onSettled: () => prefetch.refresh(),
    onMount: (options) => {
      mounted = true;
      preloadFlow(options, controller);
      if (shouldPrefetch(options)) prefetch.start();
      return () => {
        mounted = false;
        prefetch.stop();
      };
    },
    onOptions: (options) => {
      if (!mounted) return;
      preloadFlow(options, controller);
      if (shouldPrefetch(options)) prefetch.start();
      else prefetch.stop();
    },
  });
  return controller;
}
