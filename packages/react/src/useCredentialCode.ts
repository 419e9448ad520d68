import { type CredentialCode, type CredkitError, createCredentialCodeIssuer } from '@credkit/core';
import { useEngine } from './useEngine.ts';
import type { RegisterPasskeyPhase } from './useRegisterPasskey.ts';

/** Options of {@link useCredentialCode}: those of core's `createCredentialCodeIssuer`. */
export type UseCredentialCodeOptions = Parameters<typeof createCredentialCodeIssuer>[0];

/** What {@link useCredentialCode} returns. */
export interface UseCredentialCodeResult {
  /** Where making the code stands: `signing` (confirming with a passkey), `submitting`, `success`, `error`. */
  phase: RegisterPasskeyPhase;
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
 * other device registers with. A thin React adapter over core's `createCredentialCodeIssuer`.
 */
export function useCredentialCode(options: UseCredentialCodeOptions): UseCredentialCodeResult {
  const { engine, snapshot } = useEngine(createCredentialCodeIssuer, options);
  return {
    phase: snapshot.phase,
    isBusy: snapshot.isBusy,
    createCode: () => engine.register(),
    cancel: engine.cancel,
    reset: engine.reset,
    code: snapshot.data,
    error: snapshot.error,
  };
}
