import type { Login } from '../flows/loginProtocol.ts';
import {
  type LoginWithPasswordProtectedKeyOptions,
  loginWithPasswordProtectedKey,
} from '../flows/loginWithPasswordProtectedKey.ts';
import { createLoginController, type LoginCallbacks } from './loginController.ts';
import type { RegistrationController } from './registrationController.ts';

/** What one sign-in with a PasswordProtectedKey needs, as the person typed it. */
export interface PasswordProtectedKeyLoginInput {
  username: string;
  /** The key's password. Never sent, never kept. */
  password: string;
  /** The code Dfns e-mailed after `sendLoginCode`. */
  loginCode: string;
}

/**
 * Options of {@link createPasswordProtectedKeyLogin}: those of `loginWithPasswordProtectedKey` but
 * the per-call ones, and callbacks.
 */
export interface PasswordProtectedKeyLoginOptions
  extends Omit<LoginWithPasswordProtectedKeyOptions, keyof PasswordProtectedKeyLoginInput | 'signal' | 'onPhase'>,
    LoginCallbacks {}

/** The controller of PasswordProtectedKey sign-ins, with options that may change between calls. */
export interface PasswordProtectedKeyLoginController
  extends RegistrationController<PasswordProtectedKeyLoginInput, Login> {
  /** Replaces the options; the next sign-in uses them. */
  setOptions: (options: PasswordProtectedKeyLoginOptions) => void;
}

/**
 * The sign-in engine of PasswordProtectedKeys: a {@link RegistrationController} that signs a user in
 * (`loginWithPasswordProtectedKey`) per `register({ username, password, loginCode })`, with the
 * phases `challenge`, `signing` (opening the key) and `submitting`, the abort and error model of the
 * passkey sign-in. The password is not kept once an attempt has it: `retry()` does nothing.
 * React's `usePasswordProtectedKeyLogin` adapts it.
 */
export function createPasswordProtectedKeyLogin(
  initialOptions: PasswordProtectedKeyLoginOptions,
): PasswordProtectedKeyLoginController {
  return createLoginController<PasswordProtectedKeyLoginInput, PasswordProtectedKeyLoginOptions>(
    initialOptions,
    (input, login, context) => loginWithPasswordProtectedKey({ ...login, ...input, ...context }),
    false,
  );
}
