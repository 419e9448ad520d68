import {
  type CredkitError,
  createUserRegistration,
  type UserRegistration,
  type UserRegistrationInput,
  type UserRegistrationOptions,
} from '@credkit/core';
import { useEngine } from './useEngine.ts';
import type { RegisterPasskeyPhase } from './useRegisterPasskey.ts';

/**
 * Options of {@link useRegisterUser}: those of core's `createUserRegistration` — `fetcher` and
 * `orgId`, or your backend's `challengeSource` (and `completion`) — and callbacks.
 */
export type UseRegisterUserOptions = UserRegistrationOptions;

/**
 * What one sign-up needs: `username` and `registrationCode` (not with `challengeSource`) and,
 * optionally, `credentialName` and `recoveryKey`.
 */
export type UseRegisterUserInput<TOptions extends UseRegisterUserOptions = UseRegisterUserOptions> =
  UserRegistrationInput<TOptions>;

/** What {@link useRegisterUser} returns. */
export interface UseRegisterUserResult<TOptions extends UseRegisterUserOptions = UseRegisterUserOptions> {
  /** Where the sign-up stands. */
  phase: RegisterPasskeyPhase;
  /** True while the sign-up runs. */
  isBusy: boolean;
  /** Registers the new user with their first credential; ignored while busy. */
  register: (input: UseRegisterUserInput<TOptions>) => void;
  /** Aborts the running registration (it ends as `cancelled`). */
  cancel: () => void;
  /** Back to `idle`, forgetting the last registration or error. */
  reset: () => void;
  /** The new user (signed in when it has a `token`) after a successful sign-up. */
  registration: UserRegistration | undefined;
  /** The error of the last failed sign-up. */
  error: CredkitError | null;
}

/**
 * Signs a new user up with their first credential: a thin React adapter over core's
 * `createUserRegistration`, with the same phases, abort and error model as {@link useRegisterPasskey}.
 */
export function useRegisterUser<TOptions extends UseRegisterUserOptions>(
  options: TOptions,
): UseRegisterUserResult<TOptions> {
  const { engine, snapshot } = useEngine(createUserRegistration<TOptions>, options);
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
