import {
  CredkitError,
  isCredkitError,
  type Login,
  type LoginWithPasskeyOptions,
  loginWithPasskey,
  type RegistrationPhase,
} from '@credkit/core';
import { type AccountRecovery, type RecoverAccountOptions, recoverAccount, sendRecoveryCode } from '@credkit/core/keys';

/** Where a recovery stands: `idle`, a phase of `recoverAccount`, `signing-in` (with `signInAfter`), `success`, `error`. */
export type RecoverAccountPhase = 'idle' | RegistrationPhase | 'signing-in' | 'success' | 'error';

/** Where the e-mailed verification code stands. */
export type RecoveryCodeStatus = 'idle' | 'sending' | 'sent' | 'error';

/** What one recovery needs, as the person typed it. */
export interface RecoverAccountInput {
  username: string;
  /** The code Dfns e-mailed. */
  verificationCode: string;
  /** The recovery key's ID. */
  credentialId: string;
  /** The recovery code, as typed (spaces, dashes and case do not matter). Never sent, never kept. */
  recoveryCode: string;
  /** The new passkey's name. @defaultValue "Passkey" */
  credentialName?: string;
}

/**
 * Options of {@link createAccountRecovery}: those of core's `recoverAccount` but the per-call ones,
 * the sign-in's (`credentials` must then also `get`), and callbacks.
 */
export interface AccountRecoveryOptions
  extends Omit<
    RecoverAccountOptions,
    'username' | 'verificationCode' | 'credentialId' | 'recoveryCode' | 'credentialName' | 'signal' | 'onPhase'
  > {
  /** The object whose `create` (and, with `signInAfter`, `get`) runs credkit's own ceremony. @defaultValue navigator.credentials */
  credentials?: NonNullable<RecoverAccountOptions['credentials']> &
    Partial<NonNullable<LoginWithPasskeyOptions['credentials']>>;
  /** Signs in with the new passkey once recovered (`loginWithPasskey`), as the `signing-in` phase. @defaultValue false */
  signInAfter?: boolean;
  /** Called once the account is recovered (before signing in). */
  onRecovered?: (recovery: AccountRecovery) => void;
  /** With `signInAfter`: called with the token once signed in with the new passkey. */
  onSignedIn?: (token: string, login: Login) => void;
  /** Called with the error when a recovery, a sign-in after it, or sending the code fails. */
  onError?: (error: CredkitError) => void;
}

/** What an account recovery holds; a new object on every change. */
export interface AccountRecoverySnapshot {
  readonly phase: RecoverAccountPhase;
  /** True while a recovery (or the sign-in after it) runs. */
  readonly isBusy: boolean;
  /** The recovered account, once recovered (kept when the sign-in after it fails). */
  readonly result: AccountRecovery | undefined;
  /** The token, once signed in after the recovery. */
  readonly login: Login | undefined;
  /** The error of the last failed recovery or sign-in. */
  readonly error: CredkitError | null;
  /** Where the verification code stands. */
  readonly codeStatus: RecoveryCodeStatus;
  /** Why the last code could not be sent. */
  readonly codeError: CredkitError | null;
}

/** The recovery engine: the `register` / `cancel` / `reset` model of core's controllers, and the code's own state. */
export interface AccountRecoveryEngine {
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => AccountRecoverySnapshot;
  setOptions: (options: AccountRecoveryOptions) => void;
  mount: () => () => void;
  /** `POST /auth/recover/user/code`: Dfns e-mails `username` a verification code. */
  sendCode: (username: string) => void;
  /** Recovers the account; ignored while one runs. */
  recover: (input: RecoverAccountInput) => void;
  /** Aborts the running recovery (it ends as `cancelled`). */
  cancel: () => void;
  /** Back to `idle`, forgetting the result, the error and the code's state. */
  reset: () => void;
}

const IDLE: AccountRecoverySnapshot = {
  phase: 'idle',
  isBusy: false,
  result: undefined,
  login: undefined,
  error: null,
  codeStatus: 'idle',
  codeError: null,
};

const toError = (reason: unknown) => (isCredkitError(reason) ? reason : new CredkitError('unknown', { cause: reason }));

/** A host callback that throws must not stop the engine: its error is thrown again later. */
function callHost(callback: () => void): void {
  try {
    callback();
  } catch (error) {
    queueMicrotask(() => {
      throw error;
    });
  }
}

/**
 * Creates the account-recovery engine: `sendCode` (its own small state), then `recover` runs core's
 * `recoverAccount` (phases `challenge` → `ceremony` → `signing` → `submitting`) with an
 * AbortController per call and, with `signInAfter`, `loginWithPasskey` with the new passkey. Errors
 * are state; results from an abandoned call are dropped. The input (and its recovery code) is not kept.
 */
export function createAccountRecovery(initialOptions: AccountRecoveryOptions): AccountRecoveryEngine {
  let options = initialOptions;
  let snapshot = IDLE;
  const listeners = new Set<() => void>();
  let running: AbortController | undefined;
  let sending: AbortController | undefined;
  let generation = 0;

  function update(next: Partial<AccountRecoverySnapshot>): void {
    snapshot = { ...snapshot, ...next };
    for (const listener of listeners) listener();
  }

  function abandon(): void {
    generation += 1;
    running?.abort();
    running = undefined;
    sending?.abort();
    sending = undefined;
  }

  async function run(input: RecoverAccountInput, signal: AbortSignal, isCurrent: () => boolean) {
    const { signInAfter, onRecovered: _r, onSignedIn: _s, onError: _e, ...flow } = options;
    const onPhase = (phase: RegistrationPhase) => {
      if (isCurrent() && snapshot.phase !== phase) update({ phase });
    };
    const result = await recoverAccount({ ...flow, ...input, signal, onPhase });
    if (!isCurrent()) return;
    callHost(() => options.onRecovered?.(result));
    if (!signInAfter) {
      update({ phase: 'success', isBusy: false, result });
      return;
    }
    update({ phase: 'signing-in', result });
    const login = await loginWithPasskey({
      fetcher: flow.fetcher,
      orgId: flow.orgId,
      username: result.user.username,
      rpId: flow.rp.id,
      timeout: flow.timeout,
      ceremony: flow.ceremony,
      credentials: flow.credentials?.get ? { get: flow.credentials.get.bind(flow.credentials) } : undefined,
      signal,
    });
    if (!isCurrent()) return;
    update({ phase: 'success', isBusy: false, login });
    callHost(() => options.onSignedIn?.(login.token, login));
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    setOptions(next) {
      options = next;
    },
    mount: () => () => {
      const wasBusy = snapshot.isBusy || snapshot.codeStatus === 'sending';
      abandon();
      if (wasBusy) update(IDLE);
    },
    sendCode(username) {
      if (snapshot.codeStatus === 'sending' || snapshot.isBusy) return;
      const controller = new AbortController();
      sending = controller;
      const runGeneration = generation;
      // A new code starts a new attempt: the last recovery's error (often the spent code's) is over.
      update({
        codeStatus: 'sending',
        codeError: null,
        ...(snapshot.phase === 'error' ? { phase: 'idle' as const, error: null } : {}),
      });
      sendRecoveryCode({ fetcher: options.fetcher, orgId: options.orgId, username, signal: controller.signal }).then(
        () => {
          if (generation !== runGeneration || sending !== controller) return;
          sending = undefined;
          update({ codeStatus: 'sent' });
        },
        (reason: unknown) => {
          if (generation !== runGeneration || sending !== controller) return;
          sending = undefined;
          const error = toError(reason);
          update({ codeStatus: 'error', codeError: error });
          callHost(() => options.onError?.(error));
        },
      );
    },
    recover(input) {
      // The snapshot changes synchronously: a second click in the same frame sees the first one.
      if (snapshot.isBusy) return;
      generation += 1;
      const runGeneration = generation;
      const isCurrent = () => generation === runGeneration;
      const controller = new AbortController();
      running = controller;
      update({ phase: 'challenge', isBusy: true, result: undefined, login: undefined, error: null });
      run(input, controller.signal, isCurrent).then(
        () => {
          if (isCurrent()) running = undefined;
        },
        (reason: unknown) => {
          if (!isCurrent()) return;
          running = undefined;
          const error = toError(reason);
          update({ phase: 'error', isBusy: false, error });
          callHost(() => options.onError?.(error));
        },
      );
    },
    cancel() {
      running?.abort(new CredkitError('cancelled', { message: 'Recovery cancelled.' }));
    },
    reset() {
      abandon();
      if (snapshot !== IDLE) {
        snapshot = IDLE;
        for (const listener of listeners) listener();
      }
    },
  };
}
