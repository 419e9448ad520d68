import type { CredkitError } from '../errors/credkitError.ts';
import type { Login } from '../flows/loginProtocol.ts';
import {
  createRegistrationController,
  type RegistrationController,
  type RegistrationRunContext,
} from './registrationController.ts';

/** The callbacks of every sign-in engine, besides its flow's options. */
export interface LoginCallbacks {
  /** Called once signed in, with the token. */
  onSignedIn?: (login: Login) => void;
  /** Called with the error when a sign-in fails. */
  onError?: (error: CredkitError) => void;
}

/**
 * A sign-in engine: a {@link RegistrationController} whose result is the token, around one sign-in
 * flow (`signIn`, given the current options without the callbacks); its options may change between
 * calls. `keepInputForRetry: false` for an input that holds a secret.
 */
export function createLoginController<TInput, TOptions extends LoginCallbacks>(
  initialOptions: TOptions,
  signIn: (
    input: TInput,
    options: Omit<TOptions, keyof LoginCallbacks>,
    context: RegistrationRunContext,
  ) => Promise<Login>,
  keepInputForRetry = true,
): RegistrationController<TInput, Login> & { setOptions: (options: TOptions) => void } {
  let options = initialOptions;
  const controller = createRegistrationController<TInput, Login>({
    run: (input, context) => {
      const { onSignedIn, onError, ...flow } = options;
      return signIn(input, flow, context);
    },
    cancelMessage: 'Sign-in cancelled.',
    keepInputForRetry,
    onRegistered: (login) => options.onSignedIn?.(login),
    onError: (error) => options.onError?.(error),
  });
  return {
    ...controller,
    setOptions(next) {
      options = next;
    },
  };
}
