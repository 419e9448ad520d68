import type { CredentialKind } from '../dfns/dfnsTypes.ts';
import type { CredkitError, OperationRunPhase } from '../errors/credkitError.ts';
import type { LoginResult } from '../flows/loginProtocol.ts';
import { type CeremonyEventOptions, observeCeremonyEvents } from './ceremonyEvents.ts';
import {
  createOperationController,
  type OperationController,
  type OperationRunContext,
} from './operationController.ts';

/** The callbacks of every sign-in controller, besides its flow's options. */
export interface LoginCallbacks extends CeremonyEventOptions {
  /** Called once signed in, with the token. */
  onSignedIn?: (login: LoginResult) => void;
  /** Called with the error when a sign-in fails. */
  onError?: (error: CredkitError) => void;
}

/**
 * A sign-in controller: an {@link OperationController} whose result is the token, around one sign-in
 * flow (`signIn`, given the current options without the callbacks). `keepInputForRetry: false` for
 * an input that holds a secret.
 */
export function createLoginController<TInput extends { username?: string }, TOptions extends LoginCallbacks>(
  options: TOptions,
  signIn: (
    input: TInput,
    options: Omit<TOptions, keyof LoginCallbacks>,
    context: Omit<OperationRunContext, 'options'>,
  ) => Promise<LoginResult>,
  keepInputForRetry = true,
  credentialKind: CredentialKind = 'Fido2',
): OperationController<TInput, LoginResult, OperationRunPhase, TOptions> {
  const controller = createOperationController<TInput, LoginResult, OperationRunPhase, TOptions>({
    options,
    run: (input, { options: { onSignedIn, onError, onEvent, ...flow }, signal, onPhase }) =>
      signIn(input, flow, { signal, onPhase }),
    cancelMessage: 'Sign-in cancelled.',
    unknownMessage: 'Something went wrong while signing in.',
    keepInputForRetry,
    onSuccess: (login, current) => current.onSignedIn?.(login),
    onError: (error, current) => current.onError?.(error),
  });
  observeCeremonyEvents(controller, { kind: 'sign-in', credentialKind: () => credentialKind });
  return controller;
}
