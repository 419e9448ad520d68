import { throwIfAborted } from '../errors/abortError.ts';
import { CredkitError, type OperationRunPhase } from '../errors/credkitError.ts';
import { type LoginResult, type LoginWithPasskeyOptions, loginWithPasskey } from '../flows/loginWithPasskey.ts';
import {
  type AccountRecoveryResult,
  type RecoverAccountOptions,
  recoverAccount,
  sendRecoveryCode,
} from '../flows/recoverAccount.ts';
import { type CeremonyEventOptions, observeCeremonyEvents } from './ceremonyEvents.ts';
import { createOperationController, notifyHost, type OperationPhase } from './operationController.ts';

/** The phases of a recovery: those of `recoverAccount`, then `signing-in` (with `signInAfter`). */
export type AccountRecoveryRunPhase = OperationRunPhase | 'signing-in';

/** Where a recovery stands: `idle`, a phase while it runs, `success`, `error`. */
export type AccountRecoveryPhase = OperationPhase<AccountRecoveryRunPhase>;

/** Where the e-mailed verification code stands. */
export type RecoveryCodeStatus = 'idle' | 'sending' | 'sent' | 'error';

/** What one recovery needs, as the person typed it. */
export interface AccountRecoveryInput {
  /** Needed without a `challengeSource` (the kit's own recovery challenge); with one, only handed to it. */
  username?: string;
  /** The code Dfns e-mailed: needed without a `challengeSource`, refused with one. */
  verificationCode?: string;
  /** The recovery key's ID. */
  credentialId: string;
  /** The recovery code, as typed (spaces, dashes and case do not matter). Never sent, never kept. */
  recoveryCode: string;
  /** The new passkey's name. Absent or blank: its provider's (from its AAGUID), else "Passkey". */
  credentialName?: string | undefined;
  /** A new recovery key, registered in the same call (see `recoverAccount`). Its code is never kept. */
  newRecoveryKey?: RecoverAccountOptions['newRecoveryKey'];
}

/**
 * Options of {@link createAccountRecoveryController}: those of `recoverAccount` but the per-call ones, the
 * sign-in's (`credentials` must then also `get`), and callbacks.
 */
export interface AccountRecoveryOptions
  extends Omit<RecoverAccountOptions, keyof AccountRecoveryInput | 'signal' | 'onPhase' | 'credentials'>,
    CeremonyEventOptions {
  /** The object whose `create` (and, with `signInAfter`, `get`) runs credkit's own ceremony. @defaultValue navigator.credentials */
  credentials?: NonNullable<RecoverAccountOptions['credentials']> &
    Partial<NonNullable<LoginWithPasskeyOptions['credentials']>>;
  /**
   * Signs in with the new passkey once recovered (`loginWithPasskey`: needs `fetcher` and `orgId`), as
   * the `signing-in` phase. @defaultValue false
   */
  signInAfter?: boolean;
  /** Called once the account is recovered (before signing in). */
  onRecovered?: (recovery: AccountRecoveryResult) => void;
  /** With `signInAfter`: called with the token once signed in with the new passkey. */
  onSignedIn?: (token: string, login: LoginResult) => void;
  /** Called with the error when a recovery, a sign-in after it, or sending the code fails. */
  onError?: (error: CredkitError) => void;
}

/** What an account recovery holds; a new object on every change. */
export interface AccountRecoverySnapshot {
  readonly phase: AccountRecoveryPhase;
  /** True while a recovery (or the sign-in after it) runs. */
  readonly isBusy: boolean;
  /** The recovered account, once recovered (kept when the sign-in after it fails). */
  readonly result: AccountRecoveryResult | undefined;
  /** The token, once signed in after the recovery. */
  readonly login: LoginResult | undefined;
  /** The error of the last failed recovery or sign-in. */
  readonly error: CredkitError | null;
  /** Where the verification code stands. */
  readonly codeStatus: RecoveryCodeStatus;
  /** Why the last code could not be sent. */
  readonly codeError: CredkitError | null;
}

/** The recovery controller: two operation controllers (the code, the recovery) folded into one snapshot. */
export interface AccountRecoveryController {
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => AccountRecoverySnapshot;
  /** The current options: the first ones, or those of the last `setOptions`. */
  getOptions: () => AccountRecoveryOptions;
  /** Replaces the options; the next call uses them. */
  setOptions: (options: AccountRecoveryOptions) => void;
  mount: () => () => void;
  /** `POST /auth/recover/user/code`: Dfns e-mails `username` a verification code. Ignored while busy. */
  sendCode: (username: string) => void;
  /** Recovers the account; ignored while one runs. */
  start: (input: AccountRecoveryInput) => void;
  /** Aborts the running recovery (it ends as `cancelled`). */
  cancel: () => void;
  /** Back to `idle`, forgetting the result, the error and the code's state. */
  reset: () => void;
}

/** What the sign-in after a recovery needs (`POST /auth/login/init`); `invalid-input` when it is missing. */
function signInRoute({ fetcher, orgId }: Pick<AccountRecoveryOptions, 'fetcher' | 'orgId'>) {
  if (fetcher && orgId !== undefined) return { fetcher, orgId };
  throw new CredkitError('invalid-input', {
    message: 'signInAfter signs in with POST /auth/login/init: it needs a fetcher and the orgId.',
  });
}

const CODE_STATUS = { idle: 'idle', challenge: 'sending', success: 'sent', error: 'error' } as const;

const IDLE: AccountRecoverySnapshot = {
  phase: 'idle',
  isBusy: false,
  result: undefined,
  login: undefined,
  error: null,
  codeStatus: 'idle',
  codeError: null,
};

/**
 * Creates the account-recovery controller, framework-free: `sendCode` runs `sendRecoveryCode`, `start`
 * runs `recoverAccount` (phases `challenge` → `ceremony` → `signing` → `submitting`) and, with
 * `signInAfter`, `loginWithPasskey` with the new passkey (`signing-in`). Each is a
 * {@link createOperationController} (one at a time, abort, errors as state) whose every change is
 * folded into the one snapshot, as TanStack's `MutationObserver` folds its mutation's; the input,
 * with its recovery codes, is not kept. React's `useRecoverAccount` adapts it.
 */
export function createAccountRecoveryController(options: AccountRecoveryOptions): AccountRecoveryController {
  // The one place the recovery's state lives: replaced on every change, the same object until then.
  let snapshot = IDLE;
  const listeners = new Set<() => void>();
  // Inside `batch`: the changes of one call are published as one.
  let batching = false;

  function update(change: Partial<AccountRecoverySnapshot>): void {
    snapshot = { ...snapshot, ...change };
    if (!batching) for (const listener of listeners) listener();
  }

  /** Runs `calls` and publishes what they changed once. */
  function batch(calls: () => void): void {
    const before = snapshot;
    batching = true;
    try {
      calls();
    } finally {
      batching = false;
    }
    if (snapshot !== before) for (const listener of listeners) listener();
  }

  // The recovery controller owns the options; sending a code reads them from it.
  const codes = createOperationController<string, void, 'challenge'>({
    run: (username, { signal }) => {
      const { fetcher, orgId, challengeSource } = recovery.getOptions();
      if (challengeSource || !fetcher || orgId === undefined) {
        throw new CredkitError('invalid-input', {
          message: challengeSource
            ? 'No verification code with a challengeSource: your backend obtains the recovery challenge without one.'
            : 'Sending the verification code needs a fetcher and the orgId.',
        });
      }
      return sendRecoveryCode({ fetcher, orgId, username, signal });
    },
    cancelMessage: 'Sending the code cancelled.',
    unknownMessage: 'Something went wrong while sending the code.',
    onError: (error) => recovery.getOptions().onError?.(error),
  });

  const recovery = createOperationController<
    AccountRecoveryInput,
    LoginResult | undefined,
    AccountRecoveryRunPhase,
    AccountRecoveryOptions
  >({
    options,
    run: async (input, { options: current, signal, onPhase }) => {
      const { signInAfter, onRecovered, onSignedIn, onError, onEvent, ...flow } = current;
      // Checked before the recovery: after it, the old credentials are gone.
      const signIn = signInAfter ? signInRoute(flow) : undefined;
      const account = await recoverAccount({ ...flow, ...input, signal, onPhase });
      // Abandoned (reset, unmounted) as it ended: its result belongs to no one.
      throwIfAborted(signal, 'submitting');
      // Kept when the sign-in after it fails: the account is recovered all the same.
      update({ result: account });
      notifyHost(() => onRecovered?.(account));
      if (!signIn) return undefined;
      onPhase('signing-in');
      const get = flow.credentials?.get;
      return loginWithPasskey({
        ...signIn,
        username: account.user.username,
        rpId: flow.rp.id,
        timeout: flow.timeout,
        ceremony: flow.ceremony,
        credentials: get ? { get: get.bind(flow.credentials) } : undefined,
        signal,
      });
    },
    cancelMessage: 'Recovery cancelled.',
    unknownMessage: 'Something went wrong while recovering the account.',
    keepInputForRetry: false,
    onSuccess: (login, current) => {
      if (login) current.onSignedIn?.(login.token, login);
    },
    onError: (error, current) => current.onError?.(error),
  });

  observeCeremonyEvents(codes, { kind: 'recovery-code', onEvent: () => recovery.getOptions().onEvent });
  observeCeremonyEvents(recovery, { kind: 'recovery', credentialKind: () => 'Fido2' });
  codes.subscribe(() => {
    const { phase, error } = codes.getSnapshot();
    update({ codeStatus: CODE_STATUS[phase], codeError: error });
  });
  recovery.subscribe(() => {
    const { phase, isBusy, data, error } = recovery.getSnapshot();
    // A new recovery (`challenge`) or none (`idle`) has no recovered account yet.
    const fresh = phase === 'idle' || phase === 'challenge';
    update({ phase, isBusy, login: data, error, ...(fresh && { result: undefined }) });
  });

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    getOptions: recovery.getOptions,
    setOptions: recovery.setOptions,
    mount() {
      const unmountCodes = codes.mount();
      const unmountRecovery = recovery.mount();
      return () =>
        batch(() => {
          unmountCodes();
          unmountRecovery();
        });
    },
    sendCode(username) {
      if (snapshot.isBusy) return;
      batch(() => {
        // A new code starts a new attempt: the last recovery's error (often the spent code's) is over.
        if (snapshot.phase === 'error') recovery.reset();
        codes.start(username);
      });
    },
    start: (input) => recovery.start(input),
    cancel: () => recovery.cancel(),
    reset: () =>
      batch(() => {
        codes.reset();
        recovery.reset();
      }),
  };
}
