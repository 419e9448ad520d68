import type { OperationRunPhase } from '../errors/credkitError.ts';
import type { LoginResult } from '../flows/loginProtocol.ts';
import {
  type LoginWithPasswordProtectedKeyOptions,
  loginWithPasswordProtectedKey,
} from '../flows/loginWithPasswordProtectedKey.ts';
import { createLoginController, type LoginCallbacks } from './loginController.ts';
import type { OperationController, OperationSnapshot } from './operationController.ts';

/** What one sign-in with a PasswordProtectedKey needs, as the person typed it. */
export interface PasswordProtectedKeyLoginInput {
  username: string;
  /** The key's password. Never sent, never kept. */
  password: string;
  /** The code Dfns e-mailed after `sendLoginCode`. */
  loginCode: string;
}

/**
 * Options of {@link createPasswordProtectedKeyLoginController}: those of
 * `loginWithPasswordProtectedKey` but the per-call ones, and callbacks.
 */
export interface PasswordProtectedKeyLoginOptions
  extends Omit<LoginWithPasswordProtectedKeyOptions, keyof PasswordProtectedKeyLoginInput | 'signal' | 'onPhase'>,
    LoginCallbacks {}

/** What a {@link PasswordProtectedKeyLoginController} holds: the phase, the token once signed in, the error. */
export type PasswordProtectedKeyLoginSnapshot = OperationSnapshot<LoginResult, OperationRunPhase>;

/** The controller of PasswordProtectedKey sign-ins; it owns its options (`setOptions`). */
export type PasswordProtectedKeyLoginController = OperationController<
  PasswordProtectedKeyLoginInput,
  LoginResult,
  OperationRunPhase,
  PasswordProtectedKeyLoginOptions
>;

/**
 * The sign-in controller of PasswordProtectedKeys: an {@link OperationController} that signs a user
 * in (`loginWithPasswordProtectedKey`) per `start({ username, password, loginCode })`, with the
 * phases `challenge`, `signing` (opening the key) and `submitting`, the abort and error model of the
 * passkey sign-in. The password is not kept once an attempt has it: `retry()` does nothing.
 * React's `usePasswordProtectedKeyLogin` adapts it.
 */
export function createPasswordProtectedKeyLoginController(
  options: PasswordProtectedKeyLoginOptions,
): PasswordProtectedKeyLoginController {
  return createLoginController<PasswordProtectedKeyLoginInput, PasswordProtectedKeyLoginOptions>(
    options,
    (input, login, context) => loginWithPasswordProtectedKey({ ...login, ...input, ...context }),
    false,
    'PasswordProtectedKey',
  );
}
