import type { CredentialKind } from '../dfns/dfnsTypes.ts';
import type { CredkitError, CredkitErrorCode } from '../errors/credkitError.ts';

/** Which operation an event is about. */
export type CeremonyKind =
  /** A credential added to a signed-in account (`createCredentialRegistrationController`). */
  | 'registration'
  /** A new user with their first credential (`createUserRegistrationController`). */
  | 'sign-up'
  /** A sign-in, with a passkey or a password-protected key. */
  | 'sign-in'
  /** An account recovered with its recovery key (`createAccountRecoveryController`). */
  | 'recovery'
  /** The recovery's verification code sent by e-mail. */
  | 'recovery-code'
  /** A one-time code for a passkey on another device (`createCredentialCodeController`). */
  | 'credential-code';

/** What happened, in the order it happens: `started`, `prompt` (each time one is shown), then one ending. */
export type CeremonyEventType =
  /** The operation started (a click). */
  | 'started'
  /** The person is asked: the passkey prompt, the key being made (`ceremony`) or the confirming prompt (`signing`). */
  | 'prompt'
  /** It ended well. */
  | 'succeeded'
  /** The person (or `cancel()`) stopped it: a dismissed prompt, a Cancel button. */
  | 'cancelled'
  /** It failed; `code` says why. */
  | 'failed'
  /** Left before it ended: the component unmounted, or `reset()`. */
  | 'abandoned';

/**
 * One thing that happened to an operation, for the host's analytics: where people drop out of
 * sign-up and sign-in. Only what the kit decided, never what the person or the server said: no
 * username, credential name or id, code, token, or server message.
 */
export interface CeremonyEvent {
  /** What happened. */
  type: CeremonyEventType;
  /** Which operation. */
  kind: CeremonyKind;
  /** The credential kind, where the operation has one (`Fido2` for a passkey). */
  credentialKind?: CredentialKind | undefined;
  /** The phase the operation was in (for `started`, `challenge`). */
  phase: string;
  /** Milliseconds since `started` (0 for `started`). */
  durationMs: number;
  /** For `prompt` and the ending after it: milliseconds since the last prompt was shown. */
  promptMs?: number | undefined;
  /** For `failed` and `cancelled`: the error's code. */
  code?: CredkitErrorCode | undefined;
  /** For `failed` with an HTTP answer: its status. */
  status?: number | undefined;
  /**
   * `'conditional'` for a sign-in through the autofill (`createPasskeyAutofillController`): it starts
   * when the person picks a passkey in the suggestions (phase `submitting`) and has no `prompt`.
   */
  mediation?: 'conditional' | undefined;
}

/** The option every controller (and every hook and component over one) takes to report its events. */
export interface CeremonyEventOptions {
  /**
   * Called with each {@link CeremonyEvent} of the operation: started, each prompt, and how it ended,
   * with durations. Never carries a name, id, code or token. A callback that throws does not stop the
   * operation.
   */
  onEvent?: ((event: CeremonyEvent) => void) | undefined;
}

/** What a controller says of its operations in their events. */
export interface CeremonyEventSource<TOptions> {
  /** Which operation the controller runs. */
  kind: CeremonyKind;
  /** The credential kind it registers or signs in with, from its current options, if any. */
  credentialKind?: (options: TOptions) => CredentialKind | undefined;
  /** The host's callback, from the controller's current options. @defaultValue `options.onEvent` */
  onEvent?: (options: TOptions) => CeremonyEventOptions['onEvent'];
  /** Set on every event: the autofill sign-in's `'conditional'`. */
  mediation?: 'conditional';
}

/** What {@link observeCeremonyEvents} needs of a controller: its snapshots and its options. */
export interface ObservableController<TOptions> {
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => { phase: string; isBusy: boolean; error: CredkitError | null };
  getOptions: () => TOptions;
}

/** The phases in which the person is asked something. */
const PROMPT_PHASES: ReadonlySet<string> = new Set(['ceremony', 'signing', 'signing-in']);

const now = (): number => globalThis.performance?.now() ?? Date.now();

/**
 * Turns a controller's snapshots into {@link CeremonyEvent}s for the host's `onEvent` (read from
 * its current options when an operation starts): a snapshot that turns busy is `started`, a
 * prompt phase is `prompt`, `success` / `error` end it (`cancelled` for a `cancelled` error), and
 * back to `idle` while busy is `abandoned`. Nothing but the snapshot's phase and error code is
 * read, so nothing the person typed can reach an event. Returns the function that stops observing.
 */
export function observeCeremonyEvents<TOptions>(
  controller: ObservableController<TOptions>,
  source: CeremonyEventSource<TOptions>,
): () => void {
  let run:
    | {
        emit: (event: CeremonyEvent) => void;
        startedAt: number;
        promptAt?: number;
        phase: string;
        base: Partial<CeremonyEvent>;
      }
    | undefined;
  const send = (type: CeremonyEventType, extra: Partial<CeremonyEvent> = {}) => {
    if (!run) return;
    const at = now();
    const { emit, startedAt, promptAt, phase, base } = run;
    const event: CeremonyEvent = {
      type,
      kind: source.kind,
      ...base,
      phase,
      durationMs: Math.round(at - startedAt),
      ...(promptAt !== undefined && type !== 'prompt' && { promptMs: Math.round(at - promptAt) }),
      ...extra,
    };
    // A host callback that throws must not stop the controller's other listeners.
    try {
      emit(event);
    } catch (error) {
      queueMicrotask(() => {
        throw error;
      });
    }
  };
  return controller.subscribe(() => {
    const { phase, isBusy, error } = controller.getSnapshot();
    if (isBusy && !run) {
      const options = controller.getOptions();
      const emit = source.onEvent ? source.onEvent(options) : (options as CeremonyEventOptions | undefined)?.onEvent;
      if (!emit) return;
      const credentialKind = source.credentialKind?.(options);
      const base = {
        ...(credentialKind !== undefined && { credentialKind }),
        ...(source.mediation && { mediation: source.mediation }),
      };
      run = { emit, startedAt: now(), phase, base };
      send('started');
      return;
    }
    if (!run) return;
    if (isBusy) {
      if (phase === run.phase) return;
      run.phase = phase;
      if (!PROMPT_PHASES.has(phase)) return;
      run.promptAt = now();
      send('prompt');
      return;
    }
    if (phase === 'success') send('succeeded');
    else if (error?.code === 'cancelled') send('cancelled', { code: error.code });
    else if (error) send('failed', { code: error.code, ...(error.status !== undefined && { status: error.status }) });
    else send('abandoned');
    run = undefined;
  });
}

const observedRegistrations = new WeakSet<object>();

/**
 * {@link observeCeremonyEvents} for the registration controller, which loads this module with its
 * passkey chunk (so a plain registration's start bundle holds none of it) and may ask more than once:
 * each controller is observed once, for its lifetime.
 */
export function observeRegistrationEvents(
  controller: ObservableController<{ kind?: CredentialKind | undefined } & CeremonyEventOptions>,
): void {
  if (observedRegistrations.has(controller)) return;
  observedRegistrations.add(controller);
  observeCeremonyEvents(controller, { kind: 'registration', credentialKind: (options) => options.kind ?? 'Fido2' });
}
