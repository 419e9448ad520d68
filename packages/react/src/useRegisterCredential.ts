import type {
  CreateCredentialResponse,
  CredentialRegistrationOptions,
  CredentialRegistrationSnapshot,
  CredkitError,
  RegisteredKey,
} from '@credkit/core';
import { useCallback } from 'react';
import type { credentialsQueryKey } from './queryKeys.ts';
import { useCredentialRegistrationController } from './useCredentialRegistrationController.ts';

/** The secret that protects a PasswordProtectedKey or a RecoveryKey; never sent. */
export interface CredentialSecret {
  /** PasswordProtectedKey: the password that wraps the private key. */
  password?: string;
  /** RecoveryKey: the recovery code that wraps the private key. */
  recoveryCode?: string;
  /** Key kinds: the ID to register the key under, chosen beforehand (a RecoveryKey's, shown with its code). @defaultValue a new one */
  credentialId?: string;
}

/** Options of {@link useRegisterCredential}: those of core's `createCredentialRegistrationController`. */
export type UseRegisterCredentialOptions = Omit<CredentialRegistrationOptions, 'mediation'>;

/** What {@link useRegisterCredential} returns. */
export interface UseRegisterCredentialResult {
  /** Where the registration stands. */
  phase: CredentialRegistrationSnapshot['phase'];
  /** True while a registration runs (`challenge`, `ceremony`, `signing` or `submitting`). */
  isBusy: boolean;
  /**
   * Starts a registration; ignored while one is running. Errors become `error`, never a rejection.
   * A passkey's name may be omitted or blank: it is then named after its provider ("Google Password
   * Manager", from its AAGUID), else "Passkey". A key kind needs a name (`invalid-input` without);
   * PasswordProtectedKey and RecoveryKey need their secret.
   */
  register: (credentialName?: string, secret?: CredentialSecret) => void;
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
 * core's `createCredentialRegistrationController`, which prefetches the challenge, uses it once and runs one
 * registration at a time. On success the host's {@link credentialsQueryKey} query is invalidated.
 * Needs the host's `QueryClientProvider`.
 */
export function useRegisterCredential(options: UseRegisterCredentialOptions): UseRegisterCredentialResult {
  const { controller, snapshot } = useCredentialRegistrationController(options);
  const register = useCallback(
    (credentialName?: string, secret?: CredentialSecret) => controller.start({ credentialName, ...secret }),
    [controller],
  );
  return {
    phase: snapshot.phase,
    isBusy: snapshot.isBusy,
    register,
    retry: controller.retry,
    cancel: controller.cancel,
    reset: controller.reset,
    credential: snapshot.data?.credential,
    key: snapshot.data?.key,
    error: snapshot.error,
  };
}
