import type { CredentialKind } from '../dfns/dfnsTypes.ts';
import type { CredkitError, OperationRunPhase } from '../errors/credkitError.ts';
import type { LoginResult } from '../flows/loginProtocol.ts';
import { signalCurrentUser, userFromToken } from '../webauthn/passkeySignals.ts';
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
    run: async (input, { options: { onSignedIn, onError, onEvent, ...flow }, signal, onPhase }) => {
      const login = await signIn(input, flow, { signal, onPhase });
      signalSignedInUser(login, input.username, (flow as { rpId?: string }).rpId);
      return login;
    },
    cancelMessage: 'Sign-in cancelled.',
    unknownMessage: 'Something went wrong while signing in.',
    keepInputForRetry,
    onSuccess: (login, current) => current.onSignedIn?.(login),
    onError: (error, current) => current.onError?.(error),
  });
  observeCeremonyEvents(controller, { kind: 'sign-in', credentialKind: () => credentialKind });
  return controller;
}

/**
 * After a sign-in, the passkey manager shows the user's passkeys under their current username
 * (`signalCurrentUserDetails`, best effort): the user from the token's claims, the name from the
 * token or else the username the sign-in was given. Nothing when either is unknown (a usernameless
 * sign-in with a token that names no one).
 */
function signalSignedInUser(login: LoginResult, username: string | undefined, rpId: string | undefined): void {
  const user = userFromToken(login.token);
  const name = user?.username ?? username?.normalize('NFC').trim();
  if (!user || !name) return;
  void signalCurrentUser({ id: user.id, name, rpId });
}
