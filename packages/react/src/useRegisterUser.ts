import { type CredkitError, createUserRegistration, type UserRegistration } from '@credkit/core';
import { useEngine } from './useEngine.ts';
import type { RegisterPasskeyPhase } from './useRegisterPasskey.ts';

/** Options of {@link useRegisterUser}: those of core's `createUserRegistration`. */
export type UseRegisterUserOptions = Parameters<typeof createUserRegistration>[0];

/** What one sign-up needs: `username`, `registrationCode` and, optionally, `credentialName`. */
export type UseRegisterUserInput = Parameters<ReturnType<typeof createUserRegistration>['register']>[0];

/** What {@link useRegisterUser} returns. */
export interface UseRegisterUserResult {
  /** Where the sign-up stands. */
  phase: RegisterPasskeyPhase;
  /** True while the sign-up runs. */
  isBusy: boolean;
  /** Registers `username` with its first credential; ignored while busy. */
  register: (input: UseRegisterUserInput) => void;
  /** Aborts the running registration (it ends as `cancelled`). */
  cancel: () => void;
  /** Back to `idle`, forgetting the last registration or error. */
  reset: () => void;
  /** The new user, signed in, after a successful sign-up. */
  registration: UserRegistration | undefined;
  /** The error of the last failed sign-up. */
  error: CredkitError | null;
}

/**
 * Signs a new user up with their first credential: a thin React adapter over core's
 * `createUserRegistration`, with the same phases, abort and error model as {@link useRegisterPasskey}.
 */
export function useRegisterUser(options: UseRegisterUserOptions): UseRegisterUserResult {
  const { engine, snapshot } = useEngine(createUserRegistration, options);
  return {
    phase: snapshot.phase,
    isBusy: snapshot.isBusy,
    register: engine.register,
    cancel: engine.cancel,
    reset: engine.reset,
    registration: snapshot.data,
    error: snapshot.error,
  };
}
