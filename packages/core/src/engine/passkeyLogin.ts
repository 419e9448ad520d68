import { type Login, type LoginWithPasskeyOptions, loginWithPasskey } from '../flows/loginWithPasskey.ts';
import { createLoginController, type LoginCallbacks } from './loginController.ts';
import type { RegistrationController } from './registrationController.ts';

/** Options of {@link createPasskeyLogin}: those of `loginWithPasskey` but the per-call ones, and callbacks. */
export interface PasskeyLoginOptions
  extends Omit<LoginWithPasskeyOptions, 'username' | 'signal' | 'onPhase'>,
    LoginCallbacks {}

/** What one sign-in needs: the username, or nothing for a usernameless sign-in. */
export interface PasskeyLoginInput {
  username?: string;
}

/** The controller of sign-ins, with options that may change between calls. */
export interface PasskeyLoginController extends RegistrationController<PasskeyLoginInput, Login> {
  /** Replaces the options; the next sign-in uses them. */
  setOptions: (options: PasskeyLoginOptions) => void;
}

/**
 * The sign-in engine: a {@link RegistrationController} that signs a user in with a passkey
 * (`loginWithPasskey`) per `register({ username })`, with the phases `challenge`, `signing` (the
 * prompt) and `submitting`, the same abort and error model as registration. React's `usePasskeyLogin`
 * adapts it.
 */
export function createPasskeyLogin(initialOptions: PasskeyLoginOptions): PasskeyLoginController {
  return createLoginController<PasskeyLoginInput, PasskeyLoginOptions>(initialOptions, ({ username }, login, context) =>
    loginWithPasskey({ ...login, ...(username ? { username } : {}), ...context }),
  );
}
