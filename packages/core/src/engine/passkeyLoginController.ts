import type { OperationRunPhase } from '../errors/credkitError.ts';
import type { LoginResult } from '../flows/loginProtocol.ts';
import { type LoginWithPasskeyOptions, loginWithPasskey } from '../flows/loginWithPasskey.ts';
import { createLoginController, type LoginCallbacks } from './loginController.ts';
import type { OperationController, OperationSnapshot } from './operationController.ts';

/** Options of {@link createPasskeyLoginController}: those of `loginWithPasskey` but the per-call ones, and callbacks. */
export interface PasskeyLoginOptions
  extends Omit<LoginWithPasskeyOptions, 'username' | 'signal' | 'onPhase'>,
    LoginCallbacks {}

/** What one sign-in needs: the username, or nothing for a usernameless sign-in. */
export interface PasskeyLoginInput {
  username?: string;
}

/** What a {@link PasskeyLoginController} holds: the phase, the token once signed in, the error. */
export type PasskeyLoginSnapshot = OperationSnapshot<LoginResult, OperationRunPhase>;

/** The controller of passkey sign-ins; it owns its options (`setOptions`). */
export type PasskeyLoginController = OperationController<
  PasskeyLoginInput,
  LoginResult,
  OperationRunPhase,
  PasskeyLoginOptions
>;

/**
 * The sign-in controller: an {@link OperationController} that signs a user in with a passkey
 * (`loginWithPasskey`) per `start({ username })`, with the phases `challenge`, `signing` (the
 * prompt) and `submitting`, the same abort and error model as registration. React's `usePasskeyLogin`
 * adapts it.
 */
export function createPasskeyLoginController(options: PasskeyLoginOptions): PasskeyLoginController {
  return createLoginController<PasskeyLoginInput, PasskeyLoginOptions>(options, ({ username }, login, context) =>
    loginWithPasskey({ ...login, ...(username ? { username } : {}), ...context }),
  );
}
