import type { CredkitError, OperationRunPhase } from '../errors/credkitError.ts';
import {
  type CreateCredentialCodeOptions,
  type CredentialCode,
  createCredentialCode,
} from '../flows/credentialCodes.ts';
import { type CeremonyEventOptions, observeCeremonyEvents } from './ceremonyEvents.ts';
import { createOperationController, type OperationController, type OperationSnapshot } from './operationController.ts';

/** Options of {@link createCredentialCodeController}: those of `createCredentialCode` but the per-call ones, and callbacks. */
export interface CredentialCodeOptions
  extends Omit<CreateCredentialCodeOptions, 'signal' | 'onPhase'>,
    CeremonyEventOptions {
  /** Called with each new code. */
  onIssued?: (code: CredentialCode) => void;
  /** Called with the error when a code could not be made. */
  onError?: (error: CredkitError) => void;
}

/** What a {@link CredentialCodeController} holds: the phase, the last code made, the error. */
export type CredentialCodeSnapshot = OperationSnapshot<CredentialCode>;

/** The controller of credential codes (`start()` makes one); it owns its options (`setOptions`). */
export type CredentialCodeController = OperationController<
  void,
  CredentialCode,
  OperationRunPhase,
  CredentialCodeOptions
>;

/**
 * The controller of "add a passkey on another device", on the signed-in device: an
 * {@link OperationController} whose `start()` makes a one-time credential code
 * (`createCredentialCode`, confirmed with an existing credential: phases `signing`, `submitting`).
 * React's `useCredentialCode` adapts it.
 */
export function createCredentialCodeController(options: CredentialCodeOptions): CredentialCodeController {
  const controller = createOperationController<void, CredentialCode, OperationRunPhase, CredentialCodeOptions>({
    options,
    run: (_input, { options: { onIssued, onError, onEvent, ...request }, signal, onPhase }) =>
      createCredentialCode({ ...request, signal, onPhase }),
    cancelMessage: 'Cancelled. No code was made.',
    unknownMessage: 'Something went wrong while making the code.',
    onSuccess: (code, current) => current.onIssued?.(code),
    onError: (error, current) => current.onError?.(error),
  });
  observeCeremonyEvents(controller, { kind: 'credential-code' });
  return controller;
}
