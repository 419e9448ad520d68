import {
  type CreateCredentialResponse,
  type CredentialRegistrationOptions,
  type CredkitError,
  createCredentialRegistration,
  type RegisteredKey,
  type RegistrationSnapshot,
} from '@credkit/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { credentialsQueryKey } from './queryKeys.ts';

/** Where a registration stands: `idle`, one of the core phases while busy, then `success` or `error`. */
export type RegisterPasskeyPhase = RegistrationSnapshot<unknown>['phase'];

/** The secret that protects a PasswordProtectedKey or a RecoveryKey; never sent. */
export interface CredentialSecret {
  /** PasswordProtectedKey: the password that wraps the private key. */
  password?: string;
  /** RecoveryKey: the recovery code that wraps the private key. */
  recoveryCode?: string;
}

/** Options of {@link useRegisterPasskey}: those of core's `createCredentialRegistration`. */
export type UseRegisterPasskeyOptions = Omit<CredentialRegistrationOptions, 'mediation'>;

/** What {@link useRegisterPasskey} returns. */
export interface UseRegisterPasskeyResult {
  /** Where the registration stands. */
  phase: RegisterPasskeyPhase;
  /** True while a registration runs (`challenge`, `ceremony`, `signing` or `submitting`). */
  isBusy: boolean;
  /**
   * Starts a registration; ignored while one is running. Errors become `error`, never a rejection.
   * PasswordProtectedKey and RecoveryKey need their secret.
   */
  register: (credentialName: string, secret?: CredentialSecret) => void;
  /** After an error: runs the whole flow again, with the same name and a fresh challenge. */
  retry: () => void;
  /** The person gives up: aborts the running registration, which ends as a `cancelled` error. */
  cancel: () => void;
  /** Back to `idle`, forgetting the last credential, error and secret. */
  reset: () => void;
  /** The credential created by the last successful registration. */
  credential: CreateCredentialResponse | undefined;
  /** Key kinds: the key pair of the last registration (non-extractable private key), for the host to keep. */
  key: RegisteredKey | undefined;
  /** The error of the last failed registration. */
  error: CredkitError | null;
}

/**
 * Registers a credential — a passkey by default, or a key kind (`kind`): a thin React adapter over
 * core's `createCredentialRegistration`, which prefetches the challenge, uses it once and runs one
 * registration at a time. On success the host's {@link credentialsQueryKey} query is invalidated.
 * Needs the host's `QueryClientProvider`.
 */
export function useRegisterPasskey(options: UseRegisterPasskeyOptions): UseRegisterPasskeyResult {
  const queryClient = useQueryClient();
  const withInvalidation = (): CredentialRegistrationOptions => ({
    ...options,
    onRegistered: (credential, key) => {
      if (key) options.onRegistered?.(credential, key);
      else options.onRegistered?.(credential);
      void queryClient.invalidateQueries({ queryKey: credentialsQueryKey });
    },
  });
  const [registration] = useState(() => createCredentialRegistration(withInvalidation()));
  // Every render's options (callbacks included) are the ones the next registration sees.
  useEffect(() => registration.setOptions(withInvalidation()));
  // Mounted: the challenge prefetch runs; unmounted: it stops and a running registration is abandoned.
  useEffect(() => registration.mount(), [registration]);
  const register = useCallback(
    (credentialName: string, secret?: CredentialSecret) => registration.register({ credentialName, ...secret }),
    [registration],
  );
  const { phase, isBusy, data, error } = useSyncExternalStore(
    registration.subscribe,
    registration.getSnapshot,
    registration.getSnapshot,
  );
  return {
    phase,
    isBusy,
    register,
    retry: registration.retry,
    cancel: registration.cancel,
    reset: registration.reset,
    credential: data?.credential,
    key: data?.key,
    error,
  };
}
