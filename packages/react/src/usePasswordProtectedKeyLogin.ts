import type { CredkitError, LoginResult } from '@credkit/core';
import {
  createPasswordProtectedKeyLoginController,
  type PasswordProtectedKeyLoginInput,
  type PasswordProtectedKeyLoginOptions,
  type PasswordProtectedKeyLoginSnapshot,
  sendLoginCode,
} from '@credkit/core/keys';
import { useMutation } from '@tanstack/react-query';
import { useController } from './useController.ts';

/** Options of {@link usePasswordProtectedKeyLogin}: those of core's `createPasswordProtectedKeyLoginController`. */
export type UsePasswordProtectedKeyLoginOptions = PasswordProtectedKeyLoginOptions;

/** Where the e-mailed login code stands. */
export type LoginCodeStatus = 'idle' | 'sending' | 'sent' | 'error';

/** What {@link usePasswordProtectedKeyLogin} returns. */
export interface UsePasswordProtectedKeyLoginResult {
  /** Where the sign-in stands: `challenge`, `signing` (opening the key), `submitting`, `success`, `error`. */
  phase: PasswordProtectedKeyLoginSnapshot['phase'];
  /** True while the sign-in runs. */
  isBusy: boolean;
  /** Asks Dfns to e-mail `username` a login code (`sendLoginCode`); a failed sign-in's error is cleared. */
  sendCode: (username: string) => void;
  /** Where the login code stands. */
  codeStatus: LoginCodeStatus;
  /** Why the code could not be sent. */
  codeError: CredkitError | null;
  /** Signs in with the username, the e-mailed code and the key's password; ignored while busy. */
  signIn: (input: PasswordProtectedKeyLoginInput) => void;
  /** Aborts the running sign-in (it ends as `cancelled`). */
  cancel: () => void;
  /** Back to `idle`, forgetting the last sign-in or error. */
  reset: () => void;
  /** The token, once signed in. */
  login: LoginResult | undefined;
  /** The error of the last failed sign-in: `login-code-required` asks for a new code. */
  error: CredkitError | null;
}

const CODE_STATUS = { idle: 'idle', pending: 'sending', success: 'sent', error: 'error' } as const;

/**
 * Signs a user in with a PasswordProtectedKey: the login code (a react-query mutation of
 * `sendLoginCode`), then a thin adapter over core's `createPasswordProtectedKeyLoginController`, with the
 * phases, abort and error model of `usePasskeyLogin`. The password is never kept.
 */
export function usePasswordProtectedKeyLogin(
  options: UsePasswordProtectedKeyLoginOptions,
): UsePasswordProtectedKeyLoginResult {
  const { controller, snapshot } = useController(createPasswordProtectedKeyLoginController, options);
  const code = useMutation<void, CredkitError, string>({
    mutationFn: (username) => sendLoginCode({ fetcher: options.fetcher, orgId: options.orgId, username }),
    // Offline, the code fails as `network` instead of waiting silently for the connection.
    networkMode: 'always',
  });
  return {
    phase: snapshot.phase,
    isBusy: snapshot.isBusy,
    sendCode(username) {
      if (snapshot.isBusy) return;
      // A new code starts a new attempt: the last sign-in's error (often the spent code's) is over.
      if (snapshot.phase === 'error') controller.reset();
      code.mutate(username);
    },
    codeStatus: CODE_STATUS[code.status],
    codeError: code.error,
    signIn: controller.start,
    cancel: controller.cancel,
    reset: controller.reset,
    login: snapshot.data,
    error: snapshot.error,
  };
}
