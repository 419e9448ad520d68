import { CredkitError, isCredkitError, type RegistrationPhase } from '../errors/credkitError.ts';

/**
 * Where a registration stands: `idle`, one of the phases while it runs (every run starts at
 * `challenge`), then `success` or `error`.
 */
export type RegistrationStatus<TPhase extends string = RegistrationPhase> =
  | 'idle'
  | 'challenge'
  | TPhase
  | 'success'
  | 'error';

/** What a {@link RegistrationController} holds; a new object on every change, so it can be compared by identity. */
export interface RegistrationSnapshot<TResult, TPhase extends string = RegistrationPhase> {
  /** Where the registration stands. */
  readonly phase: RegistrationStatus<TPhase>;
  /** True while a registration runs. */
  readonly isBusy: boolean;
  /** The result of the last successful registration. */
  readonly data: TResult | undefined;
  /** The error of the last failed registration. */
  readonly error: CredkitError | null;
}

/** What a controller hands the registration it runs. */
export interface RegistrationRunContext<TPhase extends string = RegistrationPhase> {
  /** Aborted by `cancel()`, `reset()` and unmounting. */
  signal: AbortSignal;
  /** Reports the phase the registration enters. */
  onPhase: (phase: TPhase) => void;
}

/** How {@link createRegistrationController} runs a registration and reports its outcome. */
export interface RegistrationControllerConfig<TInput, TResult, TPhase extends string = RegistrationPhase> {
  /** Runs one registration. Called synchronously from `register()`, so the click's user activation reaches it. */
  run: (input: TInput, context: RegistrationRunContext<TPhase>) => Promise<TResult>;
  /** The message of the `cancelled` error that `cancel()` ends a registration with. */
  cancelMessage: string;
  /**
   * False: the input is forgotten as soon as `run` has it, so a secret in it is not kept after a
   * failure, and `retry()` does nothing. A function decides per input (false for one that holds a
   * secret, true for one that does not). @defaultValue true
   */
  keepInputForRetry?: boolean | ((input: TInput) => boolean);
  /** Called with the result once a registration succeeded. */
  onRegistered?: (result: TResult) => void;
  /** Called when a registration fails (not when `reset()` or unmounting abandoned it). */
  onError?: (error: CredkitError) => void;
  /** Called after each registration has ended: succeeded, failed, or abandoned by `reset()` or unmounting. */
  onSettled?: () => void;
  /** Called by `mount()`; the function it returns is called when unmounted. */
  onMount?: () => () => void;
}

/**
 * A registration state machine, framework-free: one registration at a time, each with its own
 * AbortController, errors as state (never a rejection), retry with the same input, reset.
 * `subscribe` / `getSnapshot` fit React's `useSyncExternalStore` and any other store adapter.
 */
export interface RegistrationController<TInput, TResult, TPhase extends string = RegistrationPhase> {
  /** Calls `listener` after every change of the snapshot; returns the unsubscribe function. */
  subscribe: (listener: () => void) => () => void;
  /** The current state. The same object until something changes. */
  getSnapshot: () => RegistrationSnapshot<TResult, TPhase>;
  /** Starts a registration; ignored while one runs. */
  register: (input: TInput) => void;
  /** After an error: runs the last registration again with the same input (nothing otherwise). */
  retry: () => void;
  /** Aborts the running registration, which ends as a `cancelled` error. */
  cancel: () => void;
  /** Back to `idle`: abandons a running registration and forgets the last input, result and error. */
  reset: () => void;
  /** Starts background work (e.g. a challenge prefetch); returns the function that stops it and abandons a running registration. */
  mount: () => () => void;
}

const IDLE: RegistrationSnapshot<never, never> = { phase: 'idle', isBusy: false, data: undefined, error: null };

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

/** Creates a {@link RegistrationController} around `config.run`. */
export function createRegistrationController<TInput, TResult, TPhase extends string = RegistrationPhase>(
  config: RegistrationControllerConfig<TInput, TResult, TPhase>,
): RegistrationController<TInput, TResult, TPhase> {
  let snapshot: RegistrationSnapshot<TResult, TPhase> = IDLE;
  const listeners = new Set<() => void>();
  let running: AbortController | undefined;
  let lastInput: { value: TInput } | undefined;
  // Each run, reset and unmount starts a new generation; a run's late results from an older one are dropped.
  let generation = 0;

  function update(next: RegistrationSnapshot<TResult, TPhase>): void {
    snapshot = next;
    for (const listener of listeners) listener();
  }

  /** Drops the running registration, if any: its late results are ignored, and so is its input. */
  function abandon(): void {
    generation += 1;
    lastInput = undefined;
    if (!running) return;
    running.abort();
    running = undefined;
    // It may have used the prefetched challenge.
    config.onSettled?.();
  }

  function register(input: TInput): void {
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
      result = config.run(input, { signal: controller.signal, onPhase });
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
        notifyHost(() => config.onRegistered?.(data));
        config.onSettled?.();
      },
      (reason: unknown) => {
        if (!isCurrent()) return;
        running = undefined;
        const error = isCredkitError(reason) ? reason : new CredkitError('unknown', { cause: reason });
        update({ phase: 'error', isBusy: false, data: undefined, error });
        notifyHost(() => config.onError?.(error));
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
    register,
    retry() {
      if (lastInput && snapshot.phase === 'error') register(lastInput.value);
    },
    cancel() {
      running?.abort(new CredkitError('cancelled', { message: config.cancelMessage }));
    },
    reset() {
      abandon();
      if (snapshot !== IDLE) update(IDLE);
    },
    mount() {
      const unmount = config.onMount?.();
      return () => {
        unmount?.();
        const wasBusy = snapshot.isBusy;
        abandon();
        // An abandoned registration must not look as if it were still running when shown again.
        if (wasBusy) update(IDLE);
      };
    },
  };
}
