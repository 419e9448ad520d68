import { CredkitError, isCredkitError } from '../errors/credkitError.ts';
import type { LoginResult } from '../flows/loginProtocol.ts';
import {
  type LoginWithPasskeyOptions,
  loginWithPasskey,
  whenSignInWithPromptEnded,
} from '../flows/loginWithPasskey.ts';
import { isConditionalGetAvailable } from '../webauthn/isConditionalGetAvailable.ts';
import { whenNoCallInProgress } from '../webauthn/withWatchdog.ts';
import { observeCeremonyEvents } from './ceremonyEvents.ts';
import type { LoginCallbacks } from './loginController.ts';
import { notifyHost } from './operationController.ts';

/** Options of {@link createPasskeyAutofillController}: those of `loginWithPasskey` but the per-call ones, and callbacks. */
export interface PasskeyAutofillOptions
  extends Omit<LoginWithPasskeyOptions, 'username' | 'signal' | 'onPhase' | 'mediation'>,
    LoginCallbacks {
  /** Whether the browser offers passkeys in the autofill. @defaultValue isConditionalGetAvailable */
  isAvailable?: () => Promise<boolean>;
}

/**
 * Where the autofill sign-in stands: `idle` (not mounted, or detecting), `unsupported`, `pending`
 * (the passkeys are offered in the field's autofill), `paused` (a newer prompt, say the sign-in
 * button's, has the browser; it asks again once that one ends, unless it signed the person in), `submitting` (a passkey was picked),
 * `success`, or `error` (it stopped; `error` says why).
 */
export type PasskeyAutofillStatus = 'idle' | 'unsupported' | 'pending' | 'paused' | 'submitting' | 'success' | 'error';

/** What a {@link PasskeyAutofillController} holds; a new object on every change. */
export interface PasskeyAutofillSnapshot {
  readonly status: PasskeyAutofillStatus;
  /** The token, once signed in. */
  readonly data: LoginResult | undefined;
  /** The last failure worth showing (a picked passkey the server refused), kept while it asks again. */
  readonly error: CredkitError | null;
}

/** The controller of the autofill sign-in; it owns its options (`setOptions`). */
export interface PasskeyAutofillController {
  /** Calls `listener` after every change of the snapshot; returns the unsubscribe function. */
  subscribe: (listener: () => void) => () => void;
  /** The current state. The same object until something changes. */
  getSnapshot: () => PasskeyAutofillSnapshot;
  /** The current options. */
  getOptions: () => PasskeyAutofillOptions;
  /** Replaces the options; the next request uses them. */
  setOptions: (options: PasskeyAutofillOptions) => void;
  /** Starts offering the passkeys (where supported); the function it returns ends the pending request silently. */
  mount: () => () => void;
}

const IDLE: PasskeyAutofillSnapshot = { status: 'idle', data: undefined, error: null };

// Failures in a row after which the autofill stops asking (a server that refuses every passkey).
const MAX_FAILURES = 3;

/**
 * Autofill sign-in (conditional mediation): while mounted, a usernameless `loginWithPasskey` with
 * `mediation: 'conditional'` waits for the person to pick a passkey in the autofill of the page's
 * `autocomplete="username webauthn"` field. It shares the page's one prompt by credkit's rule, the
 * newest call wins: a sign-in button's prompt replaces it, and it ends silently (`paused`) and asks
 * again once that prompt has ended, so a failed or cancelled button sign-in finds the autofill back
 * (one that signed the person in leaves it paused: no challenge is fetched for nothing).
 * A timed-out or dismissed request asks again with a new challenge; a picked passkey the server
 * refuses is reported (`error`, `onError`) and the passkeys are offered again; anything else (the
 * challenge cannot be fetched, or `MAX_FAILURES` failures in a row) stops it as `error`. Unmounting
 * ends the pending request silently.
 */
export function createPasskeyAutofillController(options: PasskeyAutofillOptions): PasskeyAutofillController {
  let current = options;
  let snapshot = IDLE;
  const listeners = new Set<() => void>();

  function update(next: Partial<PasskeyAutofillSnapshot>): void {
    snapshot = { ...snapshot, ...next };
    for (const listener of listeners) listener();
  }

  async function offer(signal: AbortSignal): Promise<void> {
    const available = await (current.isAvailable ?? isConditionalGetAvailable)().catch(() => false);
    if (signal.aborted) return;
    if (!available) return update({ status: 'unsupported' });
    let failures = 0;
    while (!signal.aborted) {
      update({ status: 'pending' });
      const { onSignedIn, onError, onEvent, isAvailable, ...flow } = current;
      try {
        const login = await loginWithPasskey({
          ...flow,
          mediation: 'conditional',
          signal,
          onPhase: (phase) => {
            if (phase === 'submitting' && !signal.aborted) update({ status: 'submitting' });
          },
        });
        if (signal.aborted) return;
        update({ status: 'success', data: login, error: null });
        notifyHost(() => current.onSignedIn?.(login));
        return;
      } catch (reason) {
        if (signal.aborted) return;
        const error = isCredkitError(reason) ? reason : new CredkitError('unknown', { cause: reason });
        if (error.code === 'aborted') {
          // A newer prompt replaced this request: nothing to tell the person; ask again after it.
          update({ status: 'paused' });
          await whenNoCallInProgress();
          // That prompt was a sign-in that signed the person in: nothing left to offer (no new challenge).
          if (await whenSignInWithPromptEnded()) return;
          failures = 0;
          continue;
        }
        // The request's lifetime ran out (its challenge with it): a new one.
        if (error.code === 'timed-out') continue;
        failures += 1;
        const personActed = error.code === 'cancelled' || error.phase === 'submitting';
        if (personActed && failures < MAX_FAILURES) {
          // A dismissed sheet is the person's choice, not an error to show; a refused passkey is.
          if (error.code !== 'cancelled') {
            update({ error });
            notifyHost(() => current.onError?.(error));
          }
          continue;
        }
        update({ status: 'error', error });
        notifyHost(() => current.onError?.(error));
        return;
      }
    }
  }

  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  };
  // The host's events: an autofill sign-in runs from the pick (`submitting`) to its outcome; a request
  // waiting in the suggestions is nothing the person did.
  observeCeremonyEvents(
    {
      subscribe,
      getOptions: () => current,
      getSnapshot: () => ({
        phase: snapshot.status === 'submitting' ? 'submitting' : snapshot.status === 'success' ? 'success' : 'idle',
        isBusy: snapshot.status === 'submitting',
        error: snapshot.error,
      }),
    },
    { kind: 'sign-in', credentialKind: () => 'Fido2', mediation: 'conditional' },
  );

  return {
    subscribe,
    getSnapshot: () => snapshot,
    getOptions: () => current,
    setOptions(next) {
      current = next;
    },
    mount() {
      const session = new AbortController();
      void offer(session.signal);
      return () => {
        session.abort(new CredkitError('aborted', { message: 'The autofill sign-in was left.' }));
        if (snapshot !== IDLE) {
          snapshot = IDLE;
          for (const listener of listeners) listener();
        }
      };
    },
  };
}
