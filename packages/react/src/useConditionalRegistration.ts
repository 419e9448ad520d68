import type {
  CreateCredentialResponse,
  CredentialCreator,
  CredentialRegistrationOptions,
  CredkitError,
  Fetcher,
  PasskeyCeremony,
  RelyingParty,
  UserActionSignerWithProtocol,
} from '@credkit/core';
import { useEffect, useRef } from 'react';
import { useCredentialRegistrationController } from './useCredentialRegistrationController.ts';
import { useWebAuthnCapabilities } from './useWebAuthnCapabilities.ts';

/** Options of {@link useConditionalRegistration}. */
export interface UseConditionalRegistrationOptions {
  /**
   * Makes the HTTP calls; the host owns base URL, auth headers and user-action signing. Needed unless
   * `challengeSource` and `completion` are both given.
   */
  fetcher?: Fetcher;
  /** Your backend obtains the challenge instead of `POST /auth/credentials/init` (see `useRegisterPasskey`). */
  challengeSource?: CredentialRegistrationOptions['challengeSource'];
  /** Your backend completes the registration instead of `POST /auth/credentials` (see `useRegisterPasskey`). */
  completion?: CredentialRegistrationOptions['completion'];
  /** The relying party the passkey is created for. */
  rp: RelyingParty;
  /**
   * The name the new passkey gets. @defaultValue its provider's ("Google Password Manager", "Apple
   * Passwords"…: the password manager that created it, from its AAGUID), else "Passkey"
   */
  credentialName?: string;
  /** Start now: typically `true` right after a successful password sign-in. @defaultValue true */
  enabled?: boolean;
  /** How long the password manager may take before the attempt is dropped, in ms. @defaultValue 60000 */
  timeout?: number;
  /** Called with the new credential once the server has stored it. */
  onRegistered?: (credential: CreateCredentialResponse) => void;
  /** Called when the attempt fails; nothing is shown to the person either way. */
  onError?: (error: CredkitError) => void;
  /**
   * Confirms the new passkey with one of the user's existing credentials (Dfns user-action signing), as
   * for `useRegisterPasskey`. With a passkey signer, this is a prompt after the silent creation.
   */
  userActionSigner?: UserActionSignerWithProtocol;
  /** Who runs `navigator.credentials.create()`: credkit's own ceremony by default, or `simpleWebAuthnCeremony`. */
  ceremony?: PasskeyCeremony;
  /** The object whose `create` runs credkit's own ceremony (not used with `ceremony`). @defaultValue navigator.credentials */
  credentials?: CredentialCreator;
}

/**
 * Where an automatic passkey upgrade stands: `unsupported` (the browser has no conditional
 * create), `pending` (asked the password manager), `registered`, or `failed` (silently).
 */
export type ConditionalRegistrationStatus = 'idle' | 'unsupported' | 'pending' | 'registered' | 'failed';

/** What {@link useConditionalRegistration} returns. */
export interface UseConditionalRegistrationResult {
  status: ConditionalRegistrationStatus;
  /** The passkey the password manager created, once registered. */
  credential: CreateCredentialResponse | undefined;
  /** Why the last attempt failed (for logs; never shown by credkit). */
  error: CredkitError | undefined;
}

/**
 * Automatic passkey upgrade: after a password sign-in, asks the password manager to create a
 * passkey without a prompt (`navigator.credentials.create({ mediation: 'conditional' })`) and
 * registers it, on the same controller as {@link useRegisterCredential}. Opt-in, only where the browser
 * reports `conditionalCreate`, silent on failure, and one attempt per mount even under StrictMode.
 */
export function useConditionalRegistration(
  options: UseConditionalRegistrationOptions,
): UseConditionalRegistrationResult {
  const { conditionalCreate } = useWebAuthnCapabilities();
  const { controller, snapshot } = useCredentialRegistrationController({ ...options, mediation: 'conditional' });
  const attempted = useRef(false);
  const enabled = options.enabled !== false;
  // The name when the attempt starts; a new name does not restart an attempt.
  const credentialName = useRef(options.credentialName);
  useEffect(() => {
    credentialName.current = options.credentialName;
  });

  useEffect(() => {
    if (!enabled || attempted.current || conditionalCreate !== true) return;
    let started = false;
    // Started on the next task: StrictMode's mount → unmount → mount cancels the first timer
    // before anything is fetched, so exactly one challenge and one create() happen.
    const timer = setTimeout(() => {
      attempted.current = true;
      started = true;
      controller.start({ credentialName: credentialName.current ?? '' });
    }, 0);
    return () => {
      clearTimeout(timer);
      // Stopped mid-attempt (`enabled` turned false, or the host hid the component): back to idle,
      // and a later `enabled` (or showing it again) may try again, instead of a `pending` for ever.
      const { phase } = controller.getSnapshot();
      if (started && phase !== 'success' && phase !== 'error') {
        attempted.current = false;
        controller.reset();
      }
    };
  }, [enabled, conditionalCreate, controller]);

  const { phase, data, error } = snapshot;
  const status: ConditionalRegistrationStatus =
    enabled && conditionalCreate === false && phase === 'idle'
      ? 'unsupported'
      : phase === 'success'
        ? 'registered'
        : phase === 'error'
          ? 'failed'
          : phase === 'idle'
            ? 'idle'
            : 'pending';
  return { status, credential: data?.credential, error: error ?? undefined };
}
