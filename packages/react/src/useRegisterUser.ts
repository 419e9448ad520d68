import {
  type CredkitError,
  createUserRegistrationController,
  type UserRegistrationInput,
  type UserRegistrationOptions,
  type UserRegistrationResult,
  type UserRegistrationSnapshot,
} from '@credkit/core';
import { useController } from './useController.ts';

/**
 * Options of {@link useRegisterUser}: those of core's `createUserRegistrationController` — `fetcher` and
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
  phase: UserRegistrationSnapshot['phase'];
  /** True while the sign-up runs. */
  isBusy: boolean;
  /** Registers the new user with their first credential; ignored while busy. */
  register: (input: UseRegisterUserInput<TOptions>) => void;
  /** Aborts the running registration (it ends as `cancelled`). */
  cancel: () => void;
  /** Back to `idle`, forgetting the last registration or error. */
  reset: () => void;
  /** The new user (signed in when it has a `token`) after a successful sign-up. */
  registration: UserRegistrationResult | undefined;
  /** The error of the last failed sign-up. */
  error: CredkitError | null;
}

/**
 * Signs a new user up with their first credential: a thin React adapter over core's
 * `createUserRegistrationController`, with the same phases, abort and error model as {@link useRegisterPasskey}.
 */
export function useRegisterUser<TOptions extends UseRegisterUserOptions>(
  options: TOptions,
): UseRegisterUserResult<TOptions> {
  const { controller, snapshot } = useController(createUserRegistrationController<TOptions>, options);
  return {
    phase: snapshot.phase,
    isBusy: snapshot.isBusy,
    register: controller.start,
    cancel: controller.cancel,
    reset: controller.reset,
    registration: snapshot.data,
    error: snapshot.error,
  };
}
