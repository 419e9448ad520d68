import type { CredkitError, LoginResult } from '@credkit/core';
import {
  type AccountRecoveryInput,
  type AccountRecoveryOptions,
  type AccountRecoveryPhase,
  type AccountRecoveryResult,
  createAccountRecoveryController,
  type RecoveryCodeStatus,
} from '@credkit/core/keys';
import { useController } from './useController.ts';

/** Options of {@link useRecoverAccount}: those of core's `recoverAccount` (fetcher, orgId, rp, ceremony, credentials…), `signInAfter` and callbacks. */
export type UseRecoverAccountOptions = AccountRecoveryOptions;

/** What {@link useRecoverAccount} returns. */
export interface UseRecoverAccountResult {
  /** Where the recovery stands: `challenge`, `ceremony` (the new passkey), `signing` (the recovery key), `submitting`, `signing-in`, `success`, `error`. */
  phase: AccountRecoveryPhase;
  /** True while the recovery (or the sign-in after it) runs. */
  isBusy: boolean;
  /** Asks Dfns to e-mail `username` a verification code. */
  sendCode: (username: string) => void;
  /** Where the verification code stands: `sending`, `sent`, `error`. */
  codeStatus: RecoveryCodeStatus;
  /** Why the code could not be sent. */
  codeError: CredkitError | null;
  /**
   * Recovers the account with the recovery key and registers a new passkey, named `credentialName` or,
   * given none (or a blank one), after its provider ("Passkey" if unknown); ignored while busy.
   */
  recover: (input: AccountRecoveryInput) => void;
  /** Aborts the running recovery (it ends as `cancelled`). */
  cancel: () => void;
  /** Back to `idle`, forgetting the result, the error and the code's state. */
  reset: () => void;
  /** The recovered account and its new passkey. */
  result: AccountRecoveryResult | undefined;
  /** With `signInAfter`: the token from signing in with the new passkey. */
  login: LoginResult | undefined;
  /** The error of the last failed recovery or sign-in. */
  error: CredkitError | null;
}

/**
 * Recovers an account whose passkeys are all lost: a thin React adapter over core's recovery
 * controller `createAccountRecoveryController` (`sendRecoveryCode` and `recoverAccount`, then `loginWithPasskey` with `signInAfter`), with
 * the same phases, abort and error model as the registration hooks. Unmounting abandons a running
 * recovery.
 */
export function useRecoverAccount(options: UseRecoverAccountOptions): UseRecoverAccountResult {
  const { controller, snapshot } = useController(createAccountRecoveryController, options);
  return {
    phase: snapshot.phase,
    isBusy: snapshot.isBusy,
    sendCode: controller.sendCode,
    codeStatus: snapshot.codeStatus,
    codeError: snapshot.codeError,
    recover: controller.start,
    cancel: controller.cancel,
    reset: controller.reset,
    result: snapshot.result,
    login: snapshot.login,
    error: snapshot.error,
  };
}
