import {
  type CredentialCode,
  type CredentialCodeOptions,
  type CredentialCodeSnapshot,
  type CredkitError,
  createCredentialCodeController,
} from '@credkit/core';
import { useController } from './useController.ts';

/** Options of {@link useCredentialCode}: those of core's `createCredentialCodeController`. */
export type UseCredentialCodeOptions = CredentialCodeOptions;

/** What {@link useCredentialCode} returns. */
export interface UseCredentialCodeResult {
  /** Where making the code stands: `signing` (confirming with a passkey), `submitting`, `success`, `error`. */
  phase: CredentialCodeSnapshot['phase'];
  /** True while a code is being made. */
  isBusy: boolean;
  /** Makes a new one-time code (confirmed with an existing credential); ignored while busy. */
  createCode: () => void;
  /** Aborts making the code (it ends as `cancelled`). */
  cancel: () => void;
  /** Back to `idle`, forgetting the code. */
  reset: () => void;
  /** The last code made. */
  code: CredentialCode | undefined;
  /** The error of the last failed attempt. */
  error: CredkitError | null;
}

/**
 * "Add a passkey on another device", on the signed-in device: makes a one-time credential code the
 * other device registers with. A thin React adapter over core's `createCredentialCodeController`.
 */
export function useCredentialCode(options: UseCredentialCodeOptions): UseCredentialCodeResult {
  const { controller, snapshot } = useController(createCredentialCodeController, options);
  return {
    phase: snapshot.phase,
    isBusy: snapshot.isBusy,
    createCode: () => controller.start(),
    cancel: controller.cancel,
    reset: controller.reset,
    code: snapshot.data,
    error: snapshot.error,
  };
}
