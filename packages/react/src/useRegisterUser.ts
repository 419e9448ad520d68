import {
  type CredentialCreator,
  CredkitError,
  type Fetcher,
  isCredkitError,
  type RegistrationPhase,
  type RelyingParty,
  registerUser,
  type UserRegistration,
} from '@credkit/core';
import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RegisterPasskeyPhase } from './useRegisterPasskey.ts';

/** Options of {@link useRegisterUser}. */
export interface UseRegisterUserOptions {
  /** Makes the HTTP calls; the registration's temporary token is sent per call. */
  fetcher: Fetcher;
  /** The Dfns organisation to join. */
  orgId: string;
  /** The relying party of the first passkey. */
  rp: RelyingParty;
  /** The first credential: a passkey, or a key made in the browser. @defaultValue "Fido2" */
  kind?: 'Fido2' | 'Key';
  /** The ceremony timeout in milliseconds. @defaultValue 60000 */
  timeout?: number;
  /** Called once the user is registered (and signed in: `registration.token`). */
  onRegistered?: (registration: UserRegistration) => void;
  /** Called with the error when the registration fails. */
  onError?: (error: CredkitError) => void;
  /** The object whose `create` runs the ceremony. @defaultValue navigator.credentials */
  credentials?: CredentialCreator;
}

/** What {@link useRegisterUser} returns. */
export interface UseRegisterUserResult {
  phase: RegisterPasskeyPhase;
  isBusy: boolean;
  /** Registers `username` with its first credential; ignored while busy. */
  register: (input: { username: string; registrationCode: string; credentialName?: string }) => void;
  /** Aborts the running registration (it ends as `cancelled`). */
  cancel: () => void;
  reset: () => void;
  registration: UserRegistration | undefined;
  error: CredkitError | null;
}

/**
 * Signs a new user up with their first credential (`registerUser`), as a react-query mutation:
 * the same ceremony code, phases, abort and error model as {@link useRegisterPasskey}.
 */
export function useRegisterUser(options: UseRegisterUserOptions): UseRegisterUserResult {
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

  const mutation = useMutation<
    UserRegistration,
    CredkitError,
    { username: string; registrationCode: string; credentialName?: string }
  >({
    mutationKey: ['credkit', 'registerUser'],
    networkMode: 'always',
    retry: 0,
    mutationFn: async (input) => {
      const controller = new AbortController();
      controllerRef.current = controller;
      try {
        return await registerUser({
          fetcher: options.fetcher,
          orgId: options.orgId,
          rp: options.rp,
          kind: options.kind,
          timeout: options.timeout,
          credentials: options.credentials,
          ...input,
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
    onSuccess: (registration) => options.onRegistered?.(registration),
    onError: (error) => {
      if (mountedRef.current) options.onError?.(error);
    },
  });

  const { mutate, reset } = mutation;
  const register = useCallback<UseRegisterUserResult['register']>(
    (input) => {
      if (inFlightRef.current) return;
      inFlightRef.current = true;
      setStep('challenge');
      mutate(input);
    },
    [mutate],
  );
  const cancel = useCallback(() => {
    controllerRef.current?.abort(
      new CredkitError('cancelled', { message: 'Sign-up cancelled. Nothing was registered.' }),
    );
  }, []);

  return {
    phase: mutation.status === 'pending' ? step : mutation.status === 'idle' ? 'idle' : mutation.status,
    isBusy: mutation.status === 'pending',
    register,
    cancel,
    reset,
    registration: mutation.data,
    error: mutation.error,
  };
}
