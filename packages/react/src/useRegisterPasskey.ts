import type {
  CreateCredentialResponse,
  CredentialRegistrationOptions,
  CredkitError,
  RegisteredKey,
  RegistrationSnapshot,
} from '@credkit/core';
import { useCallback } from 'react';
import type { credentialsQueryKey } from './queryKeys.ts';
import { useCredentialRegistration } from './useCredentialRegistration.ts';

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
  /**
   * After an error: runs the whole flow again, with the same name and a fresh challenge. Not after a
   * registration with a password or recovery code: the secret is not kept once the attempt ends, so
   * `register` again with it.
   */
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
  const { engine, snapshot } = useCredentialRegistration(options);
  const register = useCallback(
    (credentialName: string, secret?: CredentialSecret) => engine.register({ credentialName, ...secret }),
    [engine],
  );
  return {
    phase: snapshot.phase,
    isBusy: snapshot.isBusy,
    register,
    retry: engine.retry,
    cancel: engine.cancel,
    reset: engine.reset,
    credential: snapshot.data?.credential,
    key: snapshot.data?.key,
    error: snapshot.error,
  };
}
