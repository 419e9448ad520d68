import { type CredkitError, createPasskeyLogin, type Login } from '@credkit/core';
import { useEngine } from './useEngine.ts';
import type { RegisterPasskeyPhase } from './useRegisterPasskey.ts';

/** Options of {@link usePasskeyLogin}: those of core's `createPasskeyLogin`. */
export type UsePasskeyLoginOptions = Parameters<typeof createPasskeyLogin>[0];

/** What {@link usePasskeyLogin} returns. */
export interface UsePasskeyLoginResult {
  /** Where the sign-in stands: `challenge`, `signing` (the passkey prompt), `submitting`, `success`, `error`. */
  phase: RegisterPasskeyPhase;
  /** True while the sign-in runs. */
  isBusy: boolean;
  /** Signs in as `username`, or with any passkey of this site without one; ignored while busy. */
  signIn: (username?: string) => void;
  /** Aborts the running sign-in (it ends as `cancelled`). */
  cancel: () => void;
  /** Back to `idle`, forgetting the last sign-in or error. */
  reset: () => void;
  /** The token, once signed in. */
  login: Login | undefined;
  /** The error of the last failed sign-in. */
  error: CredkitError | null;
}

/**
 * Signs a user in with a passkey: a thin React adapter over core's `createPasskeyLogin`, with the
 * same phases, abort and error model as the registration hooks.
 */
export function usePasskeyLogin(options: UsePasskeyLoginOptions): UsePasskeyLoginResult {
  const { engine, snapshot } = useEngine(createPasskeyLogin, options);
  return {
    phase: snapshot.phase,
    isBusy: snapshot.isBusy,
    signIn: (username) => engine.register({ username }),
    cancel: engine.cancel,
    reset: engine.reset,
    login: snapshot.data,
    error: snapshot.error,
  };
}
