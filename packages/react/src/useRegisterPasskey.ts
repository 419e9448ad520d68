import {
  type CreateCredentialResponse,
  type CredentialCreator,
  CredkitError,
  type Fetcher,
  isCredkitError,
  type RegistrationPhase,
  type RelyingParty,
  registerCredential,
} from '@credkit/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { credentialsQueryKey } from './queryKeys.ts';

/** Where a registration stands: `idle`, one of the core phases while busy, then `success` or `error`. */
export type RegisterPasskeyPhase = 'idle' | RegistrationPhase | 'success' | 'error';

/** Options of {@link useRegisterPasskey}. */
export interface UseRegisterPasskeyOptions {
  /** Makes the HTTP calls; the host owns base URL, auth headers and user-action signing. */
  fetcher: Fetcher;
  /** The relying party the passkey is created for. */
  rp: RelyingParty;
  /** The ceremony timeout in milliseconds. @defaultValue 60000 */
  timeout?: number;
  /** Called with the new credential once the server has stored it. */
  onRegistered?: (credential: CreateCredentialResponse) => void;
  /** Called with the error when a registration fails (not when the component's own unmount aborted it). */
  onError?: (error: CredkitError) => void;
  /** The object whose `create` runs the ceremony. @defaultValue navigator.credentials */
  credentials?: CredentialCreator;
}

/** What {@link useRegisterPasskey} returns. */
export interface UseRegisterPasskeyResult {
  /** Where the registration stands. */
  phase: RegisterPasskeyPhase;
  /** True while a registration runs (`challenge`, `ceremony` or `submitting`). */
  isBusy: boolean;
  /** Starts a registration; ignored while one is running. Errors become `error`, never a rejection. */
  register: (credentialName: string) => void;
  /** Aborts the running registration, if any (it ends as an `aborted` error). */
  cancel: () => void;
  /** Back to `idle`, forgetting the last credential or error. */
  reset: () => void;
  /** The credential created by the last successful registration. */
  credential: CreateCredentialResponse | undefined;
  /** The error of the last failed registration. */
  error: CredkitError | null;
}

/**
 * Registers a passkey: `POST /auth/credentials/init` → `navigator.credentials.create` →
 * `POST /auth/credentials`, as a react-query mutation in the host's `QueryClientProvider`.
 * On success it invalidates {@link credentialsQueryKey}. The POST is never retried.
 */
export function useRegisterPasskey(options: UseRegisterPasskeyOptions): UseRegisterPasskeyResult {
  const queryClient = useQueryClient();
  const [step, setStep] = useState<RegistrationPhase>('challenge');
  const controllerRef = useRef<AbortController | null>(null);
  const inFlightRef = useRef(false);
  const mountedRef = useRef(true);

  useEffect(() => {
    mountedRef.current = true;
    return () => {
      mountedRef.current = false;
      controllerRef.current?.abort();
    };
  }, []);

  const mutation = useMutation<CreateCredentialResponse, CredkitError, string>({
    mutationKey: ['credkit', 'registerPasskey'],
    // A registration that silently pauses while offline is a dead button: fail as `network` instead.
    networkMode: 'always',
    // Challenges are single-use: the POST must never be replayed.
    retry: 0,
    mutationFn: async (credentialName) => {
      const controller = new AbortController();
      controllerRef.current = controller;
      try {
        return await registerCredential({
          fetcher: options.fetcher,
          rp: options.rp,
          timeout: options.timeout,
          credentials: options.credentials,
          credentialName,
          signal: controller.signal,
          onPhase: (phase) => {
            if (mountedRef.current) setStep(phase);
          },
        });
      } catch (error) {
        throw isCredkitError(error) ? error : new CredkitError('unknown', { cause: error });
      } finally {
        if (controllerRef.current === controller) controllerRef.current = null;
        inFlightRef.current = false;
      }
    },
    onSuccess: async (credential) => {
      options.onRegistered?.(credential);
      await queryClient.invalidateQueries({ queryKey: credentialsQueryKey });
    },
    onError: (error) => {
      if (mountedRef.current) options.onError?.(error);
    },
  });

  const { mutate, reset } = mutation;
  const register = useCallback(
    (credentialName: string) => {
      // A ref, not state: a second click in the same frame must see the first one.
      if (inFlightRef.current) return;
      inFlightRef.current = true;
      setStep('challenge');
      mutate(credentialName);
    },
    [mutate],
  );
  const cancel = useCallback(() => controllerRef.current?.abort(), []);

  const phase: RegisterPasskeyPhase =
    mutation.status === 'pending' ? step : mutation.status === 'idle' ? 'idle' : mutation.status;

  return {
    phase,
    isBusy: mutation.status === 'pending',
    register,
    cancel,
    reset,
    credential: mutation.data,
    error: mutation.error,
  };
}
