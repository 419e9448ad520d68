import {
  type CreateCredentialResponse,
  type CredentialCreator,
  type CredkitError,
  type Fetcher,
  isCredkitError,
  type RelyingParty,
  registerCredential,
} from '@credkit/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { credentialsQueryKey } from './queryKeys.ts';
import { useWebAuthnCapabilities } from './useWebAuthnCapabilities.ts';

/** Options of {@link useConditionalRegistration}. */
export interface UseConditionalRegistrationOptions {
  /** Makes the HTTP calls; the host owns base URL, auth headers and user-action signing. */
  fetcher: Fetcher;
  /** The relying party the passkey is created for. */
  rp: RelyingParty;
  /** The name the new passkey gets. */
  credentialName: string;
  /** Start now: typically `true` right after a successful password sign-in. @defaultValue true */
  enabled?: boolean;
  /** How long the password manager may take before the attempt is dropped, in ms. @defaultValue 60000 */
  timeout?: number;
  /** Called with the new credential once the server has stored it. */
  onRegistered?: (credential: CreateCredentialResponse) => void;
  /** Called when the attempt fails; nothing is shown to the person either way. */
  onError?: (error: CredkitError) => void;
  /** The object whose `create` runs the ceremony. @defaultValue navigator.credentials */
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
 * registers it. Opt-in, only where the browser reports `conditionalCreate`, silent on failure,
 * and one attempt per mount even under StrictMode's double effects.
 */
export function useConditionalRegistration(
  options: UseConditionalRegistrationOptions,
): UseConditionalRegistrationResult {
  const { conditionalCreate } = useWebAuthnCapabilities();
  const queryClient = useQueryClient();
  const [state, setState] = useState<UseConditionalRegistrationResult>({
    status: 'idle',
    credential: undefined,
    error: undefined,
  });
  const latest = useRef(options);
  latest.current = options;
  const attempted = useRef(false);
  const enabled = options.enabled !== false;

  useEffect(() => {
    if (!enabled || attempted.current || conditionalCreate === 'unknown') return;
    if (conditionalCreate === false) {
      setState((previous) => ({ ...previous, status: 'unsupported' }));
      return;
    }
    const controller = new AbortController();
    let inFlight = false;
    // Started on the next task: StrictMode's mount → unmount → mount cancels the first timer
    // before anything is fetched, so exactly one challenge and one create() happen.
    const timer = setTimeout(() => {
      attempted.current = true;
      inFlight = true;
      setState((previous) => ({ ...previous, status: 'pending' }));
      const { fetcher, rp, credentialName, timeout, credentials } = latest.current;
      registerCredential({
        fetcher,
        rp,
        credentialName,
        timeout,
        credentials,
        mediation: 'conditional',
        signal: controller.signal,
      }).then(
        (credential) => {
          inFlight = false;
          setState({ status: 'registered', credential, error: undefined });
          latest.current.onRegistered?.(credential);
          void queryClient.invalidateQueries({ queryKey: credentialsQueryKey });
        },
        (error: unknown) => {
          inFlight = false;
          if (controller.signal.aborted) return;
          const failure = isCredkitError(error) ? error : undefined;
          setState({ status: 'failed', credential: undefined, error: failure });
          if (failure) latest.current.onError?.(failure);
        },
      );
    }, 0);
    return () => {
      clearTimeout(timer);
      controller.abort();
      // Stopped mid-attempt (`enabled` turned false, or the host hid the component): back to idle,
      // and a later `enabled` may try again, instead of a `pending` that never ends.
      if (inFlight) {
        attempted.current = false;
        setState({ status: 'idle', credential: undefined, error: undefined });
      }
    };
  }, [enabled, conditionalCreate, queryClient]);

  return state;
}
