import type { CredkitError, OperationRunPhase } from '../errors/credkitError.ts';
import type { ChallengeSource } from '../flows/hostBackend.ts';
import { type RegisterUserOptions, registerUser, type UserRegistrationResult } from '../flows/registerUser.ts';
import type { NewRecoveryKeyOptions } from '../keys/recoveryKeyCredential.ts';
import { preloadBrowserCeremony } from '../webauthn/browserCeremony.ts';
import { type CeremonyEventOptions, observeCeremonyEvents } from './ceremonyEvents.ts';
import { createOperationController, type OperationController, type OperationSnapshot } from './operationController.ts';

/** `Omit` applied to each member of a union (the plain `Omit` would merge them). */
type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** What one sign-up passes, rather than the engine's options. */
type PerSignUp = 'username' | 'registrationCode' | 'credentialName' | 'recoveryKey' | 'signal' | 'onPhase';

/**
 * Options of {@link createUserRegistrationController}: those of `registerUser` but the per-sign-up ones — so
 * either `fetcher` and `orgId`, or `challengeSource` (and `fetcher` unless `completion`) — and callbacks.
 */
export type UserRegistrationOptions = OmitEach<RegisterUserOptions, PerSignUp> &
  CeremonyEventOptions & {
    /** Called once the user is registered (and, when the answer has a token, signed in: `registration.token`). */
    onRegistered?: (registration: UserRegistrationResult) => void;
    /** Called with the error when the registration fails. */
    onError?: (error: CredkitError) => void;
  };

/** What every sign-up may add: the first credential's name and a recovery key. */
export interface UserRegistrationDetails {
  /** The first credential's name. @defaultValue "Passkey" / "Key" */
  credentialName?: string;
  /**
   * A recovery key registered with the first credential (see `registerUser`'s `recoveryKey`). Its
   * code is not kept once the sign-up has it: `retry()` does nothing then.
   */
  recoveryKey?: NewRecoveryKeyOptions;
}

/**
 * What one sign-up needs, for the engine's options: the new user's `username` and the
 * `registrationCode` they received when the kit asks for the challenge; nothing more with
 * `challengeSource` (your backend named the user).
 */
export type UserRegistrationInput<TOptions extends UserRegistrationOptions = UserRegistrationOptions> =
  UserRegistrationDetails &
    (TOptions extends { challengeSource: ChallengeSource } ? unknown : { username: string; registrationCode: string });

/** What a {@link UserRegistrationController} holds: the phase, the new user once registered, the error. */
export type UserRegistrationSnapshot = OperationSnapshot<UserRegistrationResult>;

/** The controller of sign-ups; it owns its options (`setOptions`). */
export type UserRegistrationController<TOptions extends UserRegistrationOptions = UserRegistrationOptions> =
  OperationController<UserRegistrationInput<TOptions>, UserRegistrationResult, OperationRunPhase, TOptions>;

/**
 * The sign-up controller: an {@link OperationController} that registers a new user with their first
 * credential (`registerUser`) per `start({ username, registrationCode })` (or `start({})` with
 * `challengeSource`), with the same phases, abort and error model as credential registration.
 * React's `useRegisterUser` adapts it.
 */
export function createUserRegistrationController<TOptions extends UserRegistrationOptions>(
  options: TOptions,
): UserRegistrationController<TOptions> {
  const controller = createOperationController<
    UserRegistrationInput<TOptions>,
    UserRegistrationResult,
    OperationRunPhase,
    TOptions
  >({
    options,
    run: (input, { options: { onRegistered, onError, onEvent, ...flow }, signal, onPhase }) =>
      // The input completes the options: `username` and `registrationCode` exactly when there is no challengeSource.
      registerUser({ ...flow, ...input, signal, onPhase } as RegisterUserOptions),
    cancelMessage: 'Sign-up cancelled. Nothing was registered.',
    unknownMessage: 'Something went wrong while signing up.',
    // A recovery code is not kept after the attempt.
    keepInputForRetry: (input) => input.recoveryKey === undefined,
    onSuccess: (registration, current) => current.onRegistered?.(registration),
    onError: (error, current) => current.onError?.(error),
    // credkit's own ceremony loads on first use; ask for it at mount, so that a click finds it loaded.
    onMount: (current) => {
      preloadBrowserCeremony(current);
      return () => undefined;
    },
  });
  observeCeremonyEvents(controller, { kind: 'sign-up', credentialKind: (current) => current.kind ?? 'Fido2' });
  return controller;
}
