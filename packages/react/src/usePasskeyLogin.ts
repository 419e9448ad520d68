import {
  type CredkitError,
  createPasskeyLoginController,
  type LoginResult,
  type PasskeyLoginOptions,
  type PasskeyLoginSnapshot,
} from '@credkit/core';
import { useController } from './useController.ts';

/** Options of {@link usePasskeyLogin}: those of core's `createPasskeyLoginController`. */
export type UsePasskeyLoginOptions = PasskeyLoginOptions;

/** What {@link usePasskeyLogin} returns. */
export interface UsePasskeyLoginResult {
  /** Where the sign-in stands: `challenge`, `signing` (the passkey prompt), `submitting`, `success`, `error`. */
  phase: PasskeyLoginSnapshot['phase'];
  /** True while the sign-in runs. */
  isBusy: boolean;
  /** Signs in as `username`, or with any passkey of this site without one; ignored while busy. */
  signIn: (username?: string) => void;
  /** Aborts the running sign-in (it ends as `cancelled`). */
  cancel: () => void;
  /** Back to `idle`, forgetting the last sign-in or error. */
  reset: () => void;
  /** The token, once signed in. */
  login: LoginResult | undefined;
  /** The error of the last failed sign-in. */
  error: CredkitError | null;
}

/**
 * Signs a user in with a passkey: a thin React adapter over core's `createPasskeyLoginController`, with the
 * same phases, abort and error model as the registration hooks.
 */
export function usePasskeyLogin(options: UsePasskeyLoginOptions): UsePasskeyLoginResult {
  const { controller, snapshot } = useController(createPasskeyLoginController, options);
  return {
    phase: snapshot.phase,
    isBusy: snapshot.isBusy,
    signIn: (username) => controller.start({ username }),
    cancel: controller.cancel,
    reset: controller.reset,
    login: snapshot.data,
    error: snapshot.error,
  };
}
