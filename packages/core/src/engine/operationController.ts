import { CredkitError, defaultErrorMessages, isCredkitError, type OperationRunPhase } from '../errors/credkitError.ts';

/**
 * Where an operation stands: `idle`, one of the phases while it runs (every run starts at
 * `challenge`), then `success` or `error`.
 */
export type OperationPhase<TPhase extends string = OperationRunPhase> =
  | 'idle'
  | 'challenge'
  | TPhase
  | 'success'
  | 'error';

/** What an {@link OperationController} holds; a new object on every change, so it can be compared by identity. */
export interface OperationSnapshot<TResult, TPhase extends string = OperationRunPhase> {
  /** Where the operation stands. */
  readonly phase: OperationPhase<TPhase>;
  /** True while an operation runs. */
  readonly isBusy: boolean;
  /** The result of the last successful operation. */
  readonly data: TResult | undefined;
  /** The error of the last failed operation. */
  readonly error: CredkitError | null;
}

/** What a controller hands the operation it runs. */
export interface OperationRunContext<TPhase extends string = OperationRunPhase, TOptions = undefined> {
  /** The controller's current options (those of the last `setOptions`). */
  options: TOptions;
  /** Aborted by `cancel()`, `reset()` and unmounting. */
  signal: AbortSignal;
  /** Reports the phase the operation enters. */
  onPhase: (phase: TPhase) => void;
}

/** How {@link createOperationController} runs an operation and reports its outcome. */
export interface OperationControllerConfig<
  TInput,
  TResult,
  TPhase extends string = OperationRunPhase,
  TOptions = undefined,
> {
  /** The first options; `setOptions` replaces them, and every hook below gets the current ones. */
  options?: TOptions;
  /** Runs one operation. Called synchronously from `start()`, so the click's user activation reaches it. */
  run: (input: TInput, context: OperationRunContext<TPhase, TOptions>) => Promise<TResult>;
  /** The message of the `cancelled` error that `cancel()` ends an operation with. */
  cancelMessage: string;
  /**
   * The message of an `unknown` failure, worded for this operation: a failure that is not a
   * CredkitError, or an `unknown` one with the default text (which speaks of a registration).
   * @defaultValue defaultErrorMessages.unknown
   */
  unknownMessage?: string;
  /**
   * False: the input is forgotten as soon as `run` has it, so a secret in it is not kept after a
   * failure, and `retry()` does nothing. A function decides per input (false for one that holds a
   * secret, true for one that does not). @defaultValue true
   */
  keepInputForRetry?: boolean | ((input: TInput) => boolean);
  /** Called with the result once an operation succeeded. */
  onSuccess?: (result: TResult, options: TOptions) => void;
  /** Called when an operation fails (not when `reset()` or unmounting abandoned it). */
  onError?: (error: CredkitError, options: TOptions) => void;
  /** Called after each operation has ended: succeeded, failed, or abandoned by `reset()` or unmounting. */
  onSettled?: () => void;
  /** Called by `mount()`; the function it returns is called when unmounted. */
  onMount?: (options: TOptions) => () => void;
  /** Called after `setOptions` replaced the options, with the new ones. */
  onOptions?: (options: TOptions) => void;
}

/**
 * An operation state machine, framework-free: one operation at a time, each with its own
 * AbortController, errors as state (never a rejection), retry with the same input, reset.
 * `subscribe` / `getSnapshot` fit React's `useSyncExternalStore` and any other store adapter.
 */
export interface OperationController<TInput, TResult, TPhase extends string = OperationRunPhase, TOptions = undefined> {
  /** Calls `listener` after every change of the snapshot; returns the unsubscribe function. */
  subscribe: (listener: () => void) => () => void;
  /** The current state. The same object until something changes. */
  getSnapshot: () => OperationSnapshot<TResult, TPhase>;
  /** Starts an operation; ignored while one runs. */
  start: (input: TInput) => void;
  /** The current options: the first ones, or those of the last `setOptions`. */
  getOptions: () => TOptions;
  /** Replaces the options; the next operation (and any background work) uses them. */
  setOptions: (options: TOptions) => void;
  /** After an error: runs the last operation again with the same input (nothing otherwise). */
  retry: () => void;
  /** Aborts the running operation, which ends as a `cancelled` error. */
  cancel: () => void;
  /** Back to `idle`: abandons a running operation and forgets the last input, result and error. */
  reset: () => void;
  /** Starts background work (e.g. a challenge prefetch); returns the function that stops it and abandons a running operation. */
  mount: () => () => void;
}

const IDLE: OperationSnapshot<never, never> = { phase: 'idle', isBusy: false, data: undefined, error: null };

/**
 * Calls a host's callback. A callback that throws must not stop the engine (the next challenge, the
 * credential list): its error is thrown again on a later task, where the page's error reporting sees it.
 */
export function notifyHost(callback: () => void): void {
  try {
    callback();
  } catch (error) {
    queueMicrotask(() => {
      throw error;
    });
  }
}

/** Creates an {@link OperationController} around `config.run`. */
export function createOperationController<
  TInput,
  TResult,
  TPhase extends string = OperationRunPhase,
  TOptions = undefined,
>(
  config: OperationControllerConfig<TInput, TResult, TPhase, TOptions>,
): OperationController<TInput, TResult, TPhase, TOptions> {
  // The one place the options live: every engine reads them here.
  let options = config.options as TOptions;
  let snapshot: OperationSnapshot<TResult, TPhase> = IDLE;
  const listeners = new Set<() => void>();
  let running: AbortController | undefined;
  let lastInput: { value: TInput } | undefined;
  // Each run, reset and unmount starts a new generation; a run's late results from an older one are dropped.
  let generation = 0;

  function update(next: OperationSnapshot<TResult, TPhase>): void {
    snapshot = next;
    for (const listener of listeners) listener();
  }

  /** Drops the running operation, if any: its late results are ignored, and so is its input. */
  function abandon(): void {
    generation += 1;
    lastInput = undefined;
    if (!running) return;
    running.abort();
    running = undefined;
    // It may have used the prefetched challenge.
    config.onSettled?.();
  }

  function start(input: TInput): void {
    // The snapshot changes synchronously: a second click in the same frame sees the first one.
    if (snapshot.isBusy) return;
    generation += 1;
    const runGeneration = generation;
    const isCurrent = () => generation === runGeneration;
    const controller = new AbortController();
    running = controller;
    const { keepInputForRetry = true } = config;
    const keep = typeof keepInputForRetry === 'function' ? keepInputForRetry(input) : keepInputForRetry;
    lastInput = keep ? { value: input } : undefined;
    update({ phase: 'challenge', isBusy: true, data: undefined, error: null });

    const onPhase = (phase: TPhase) => {
      if (isCurrent() && snapshot.phase !== phase) update({ ...snapshot, phase });
    };
    let result: Promise<TResult>;
    try {
      result = config.run(input, { options, signal: controller.signal, onPhase });
    } catch (error) {
      result = Promise.reject(error);
    }
    result.then(
      (data) => {
        if (!isCurrent()) return;
        running = undefined;
        // Nothing to retry after a success, and a secret in the input is not kept longer than needed.
        lastInput = undefined;
        update({ phase: 'success', isBusy: false, data, error: null });
        notifyHost(() => config.onSuccess?.(data, options));
        config.onSettled?.();
      },
      (reason: unknown) => {
        if (!isCurrent()) return;
        running = undefined;
        const error = asOperationError(reason, config.unknownMessage);
        update({ phase: 'error', isBusy: false, data: undefined, error });
        notifyHost(() => config.onError?.(error, options));
        config.onSettled?.();
      },
    );
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    start,
    getOptions: () => options,
    setOptions(next) {
      options = next;
      config.onOptions?.(options);
    },
    retry() {
      if (lastInput && snapshot.phase === 'error') start(lastInput.value);
    },
    cancel() {
      running?.abort(new CredkitError('cancelled', { message: config.cancelMessage }));
    },
    reset() {
      abandon();
      if (snapshot !== IDLE) update(IDLE);
    },
    mount() {
      const unmount = config.onMount?.(options);
      return () => {
        unmount?.();
        const wasBusy = snapshot.isBusy;
        abandon();
        // An abandoned operation must not look as if it were still running when shown again.
        if (wasBusy) update(IDLE);
      };
    },
  };
}

/**
 * The failure as the controller reports it: a CredkitError as it is, anything else `unknown`; an
 * `unknown` with only the default text (which speaks of a registration) is worded for the operation
 * that ran, in a new error with the same cause and phase (the thrown one is not changed).
 */
function asOperationError(reason: unknown, unknownMessage: string | undefined): CredkitError {
  if (!isCredkitError(reason)) return new CredkitError('unknown', { cause: reason, message: unknownMessage });
  const worded = unknownMessage && reason.code === 'unknown' && reason.message === defaultErrorMessages.unknown;
  return worded
    ? new CredkitError('unknown', { cause: reason.cause, message: unknownMessage, phase: reason.phase })
    : reason;
}
