import type { CredkitError } from '../errors/credkitError.ts';
import {
  type CreateCredentialCodeOptions,
  type CredentialCode,
  createCredentialCode,
} from '../flows/credentialCodes.ts';
import { createRegistrationController, type RegistrationController } from './registrationController.ts';

/** Options of {@link createCredentialCodeIssuer}: those of `createCredentialCode` but the per-call ones, and callbacks. */
export interface CredentialCodeIssuerOptions extends Omit<CreateCredentialCodeOptions, 'signal' | 'onPhase'> {
  /** Called with each new code. */
  onIssued?: (code: CredentialCode) => void;
  /** Called with the error when a code could not be made. */
  onError?: (error: CredkitError) => void;
}

/** The controller of credential codes, with options that may change between calls. */
export interface CredentialCodeIssuer extends RegistrationController<void, CredentialCode> {
  /** Replaces the options; the next code uses them. */
  setOptions: (options: CredentialCodeIssuerOptions) => void;
}

/**
 * The engine of "add a passkey on another device", on the signed-in device: a
 * {@link RegistrationController} whose `register()` makes a one-time credential code
 * (`createCredentialCode`, confirmed with an existing credential: phases `signing`, `submitting`).
 * React's `useCredentialCode` adapts it.
 */
export function createCredentialCodeIssuer(initialOptions: CredentialCodeIssuerOptions): CredentialCodeIssuer {
  let options = initialOptions;
  const controller = createRegistrationController<void, CredentialCode>({
    run: (_input, { signal, onPhase }) => {
      const { onIssued, onError, ...request } = options;
      return createCredentialCode({ ...request, signal, onPhase });
    },
    cancelMessage: 'Cancelled. No code was made.',
    onRegistered: (code) => options.onIssued?.(code),
    onError: (error) => options.onError?.(error),
  });
  return {
    ...controller,
    setOptions(next) {
      options = next;
    },
  };
}
