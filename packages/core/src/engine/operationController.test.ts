import { describe, expect, it, vi } from 'vitest';
import { CredkitError } from '../errors/credkitError.ts';
import { createOperationController, type OperationRunContext, type OperationSnapshot } from './operationController.ts';

/** A run whose every call waits until the test settles it. */
function heldRuns() {
  const calls: {
    input: string;
    context: OperationRunContext;
    resolve: (value: string) => void;
    reject: (reason: unknown) => void;
  }[] = [];
  const run = vi.fn(
    (input: string, context: OperationRunContext) =>
      new Promise<string>((resolve, reject) => {
        calls.push({ input, context, resolve, reject });
        context.signal.addEventListener('abort', () => reject(context.signal.reason));
      }),
  );
  return { run, calls };
}

function recordPhases<T>(controller: {
  subscribe: (l: () => void) => unknown;
  getSnapshot: () => OperationSnapshot<T>;
}) {
  const phases: string[] = [];
  controller.subscribe(() => phases.push(controller.getSnapshot().phase));
  return phases;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createOperationController', () => {
  it('should go idle → phases → success, calling run synchronously and onSuccess once', async () => {
    const { run, calls } = heldRuns();
    const onSuccess = vi.fn();
    const controller = createOperationController({ run, cancelMessage: 'Cancelled.', onSuccess });
    const phases = recordPhases(controller);
    expect(controller.getSnapshot()).toEqual({ phase: 'idle', isBusy: false, data: undefined, error: null });

    controller.start('Laptop');
    // Synchronous: a click's user activation reaches the run.
    expect(run).toHaveBeenCalledTimes(1);
    calls[0]?.context.onPhase('ceremony');
    calls[0]?.context.onPhase('submitting');
    calls[0]?.resolve('created Laptop');
    await settle();

    expect(phases).toEqual(['challenge', 'ceremony', 'submitting', 'success']);
    expect(controller.getSnapshot()).toEqual({ phase: 'success', isBusy: false, data: 'created Laptop', error: null });
    expect(onSuccess).toHaveBeenCalledWith('created Laptop', undefined);
  });

  it('should keep the same snapshot object until something changes', () => {
    const controller = createOperationController({ run: heldRuns().run, cancelMessage: 'Cancelled.' });
    const first = controller.getSnapshot();
    expect(controller.getSnapshot()).toBe(first);
    controller.start('x');
    expect(controller.getSnapshot()).not.toBe(first);
  });

  it('should run one registration at a time, ignoring register() while busy', async () => {
    const { run, calls } = heldRuns();
    const controller = createOperationController({ run, cancelMessage: 'Cancelled.' });
    controller.start('One');
    controller.start('Two');
    expect(run).toHaveBeenCalledTimes(1);
    calls[0]?.resolve('done');
    await settle();
    controller.start('Three');
    expect(run).toHaveBeenCalledTimes(2);
    expect(calls.map((call) => call.input)).toEqual(['One', 'Three']);
  });

  it('should hold a failure as a CredkitError in the snapshot, never as a rejection, and call onError', async () => {
    const { run, calls } = heldRuns();
    const onError = vi.fn();
    const controller = createOperationController({ run, cancelMessage: 'Cancelled.', onError });
    controller.start('x');
    const cause = new Error('boom');
    calls[0]?.reject(cause);
    await settle();
    const { phase, isBusy, error } = controller.getSnapshot();
    expect([phase, isBusy]).toEqual(['error', false]);
    expect(error).toBeInstanceOf(CredkitError);
    expect(error?.code).toBe('unknown');
    expect(error?.cause).toBe(cause);
    expect(onError).toHaveBeenCalledWith(error, undefined);
  });

  // Issue 27: a sign-in's unknown failure was worded "…while registering the passkey".
  it('should word an unknown failure for its operation, keeping a specific message', async () => {
    const { run, calls } = heldRuns();
    const unknownMessage = 'Something went wrong while signing in.';
    const controller = createOperationController({ run, cancelMessage: 'Cancelled.', unknownMessage });
    const failures = [
      new TypeError('raw'),
      new CredkitError('unknown'),
      new CredkitError('unknown', { message: 'Own.' }),
    ];
    const messages = [];
    for (const [index, failure] of failures.entries()) {
      controller.start('x');
      calls[index]?.reject(failure);
      await settle();
      messages.push(controller.getSnapshot().error?.message);
    }
    expect(messages).toEqual([unknownMessage, unknownMessage, 'Own.']);
  });

  it('should turn a run that throws synchronously into an error state', async () => {
    const controller = createOperationController<string, string>({
      run: () => {
        throw new CredkitError('invalid-input', { message: 'Give the credential a name.' });
      },
      cancelMessage: 'Cancelled.',
    });
    controller.start('');
    await settle();
    expect(controller.getSnapshot().error?.code).toBe('invalid-input');
  });

  it('should end a cancelled registration as `cancelled` with the configured message', async () => {
    const { run, calls } = heldRuns();
    const controller = createOperationController({ run, cancelMessage: 'Registration cancelled.' });
    controller.start('x');
    controller.cancel();
    expect(calls[0]?.context.signal.aborted).toBe(true);
    await settle();
    const { error } = controller.getSnapshot();
    expect([error?.code, error?.message]).toEqual(['cancelled', 'Registration cancelled.']);
  });

  it('should retry with the same input after an error, and not after a success', async () => {
    const { run, calls } = heldRuns();
    const controller = createOperationController({ run, cancelMessage: 'Cancelled.' });
    controller.start('Phone');
    calls[0]?.reject(new CredkitError('network'));
    await settle();
    controller.retry();
    expect(calls.map((call) => call.input)).toEqual(['Phone', 'Phone']);
    calls[1]?.resolve('ok');
    await settle();
    controller.retry();
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('should keep for retry only the inputs keepInputForRetry accepts', async () => {
    const { run, calls } = heldRuns();
    const controller = createOperationController({
      run,
      cancelMessage: 'Cancelled.',
      keepInputForRetry: (input: string) => !input.startsWith('secret:'),
    });
    controller.start('secret:hunter22');
    calls[0]?.reject(new CredkitError('network'));
    await settle();
    controller.retry();
    expect(run).toHaveBeenCalledTimes(1);
    expect(controller.getSnapshot().phase).toBe('error');

    controller.start('Phone');
    calls[1]?.reject(new CredkitError('network'));
    await settle();
    controller.retry();
    expect(calls.map((call) => call.input)).toEqual(['secret:hunter22', 'Phone', 'Phone']);
  });

  it('should reset to idle, abandoning a running registration without onError and forgetting its input', async () => {
    const { run, calls } = heldRuns();
    const onError = vi.fn();
    const controller = createOperationController({ run, cancelMessage: 'Cancelled.', onError });
    controller.start('secret input');
    controller.reset();
    expect(calls[0]?.context.signal.aborted).toBe(true);
    expect(controller.getSnapshot().phase).toBe('idle');
    await settle();
    expect(controller.getSnapshot().phase).toBe('idle');
    expect(onError).not.toHaveBeenCalled();
    controller.retry();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('should drop the late result of an abandoned registration', async () => {
    const { run, calls } = heldRuns();
    const onSuccess = vi.fn();
    const controller = createOperationController({ run, cancelMessage: 'Cancelled.', onSuccess });
    controller.start('old');
    controller.reset();
    controller.start('new');
    calls[0]?.resolve('old result');
    calls[1]?.context.onPhase('ceremony');
    await settle();
    expect(controller.getSnapshot().phase).toBe('ceremony');
    calls[1]?.resolve('new result');
    await settle();
    expect(onSuccess.mock.calls).toEqual([['new result', undefined]]);
  });

  it('should abandon a running registration when unmounted, and run onMount work while mounted', async () => {
    const { run, calls } = heldRuns();
    const stopped = vi.fn();
    const onMount = vi.fn(() => stopped);
    const onError = vi.fn();
    const controller = createOperationController({ run, cancelMessage: 'Cancelled.', onError, onMount });
    const unmount = controller.mount();
    expect(onMount).toHaveBeenCalledTimes(1);
    controller.start('x');
    unmount();
    expect(stopped).toHaveBeenCalledTimes(1);
    expect(calls[0]?.context.signal.aborted).toBe(true);
    await settle();
    expect(controller.getSnapshot().phase).toBe('idle');
    expect(onError).not.toHaveBeenCalled();
  });

  it('should stop calling a listener once it unsubscribed', () => {
    const controller = createOperationController({ run: heldRuns().run, cancelMessage: 'Cancelled.' });
    const listener = vi.fn();
    const unsubscribe = controller.subscribe(listener);
    controller.start('x');
    unsubscribe();
    controller.reset();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('should retry only after an error, not from idle after a reset', async () => {
    const { run, calls } = heldRuns();
    const controller = createOperationController({ run, cancelMessage: 'Cancelled.' });
    controller.start('with a secret');
    calls[0]?.reject(new CredkitError('network'));
    await settle();
    controller.reset();
    controller.retry();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('should tell onSettled when a running registration is abandoned, so a used challenge is replaced', () => {
    const onSettled = vi.fn();
    const controller = createOperationController({ run: heldRuns().run, cancelMessage: 'Cancelled.', onSettled });
    controller.reset();
    expect(onSettled).not.toHaveBeenCalled();
    controller.start('x');
    controller.reset();
    expect(onSettled).toHaveBeenCalledTimes(1);
  });

  it("should go on when a host's callback throws, and report the throw on a later task", async () => {
    const { run, calls } = heldRuns();
    const onSettled = vi.fn();
    const thrown = new Error('host bug');
    const reported = new Promise((resolve) => {
      process.once('uncaughtException', resolve);
    });
    const controller = createOperationController({
      run,
      cancelMessage: 'Cancelled.',
      onSuccess: () => {
        throw thrown;
      },
      onSettled,
    });
    controller.start('x');
    calls[0]?.resolve('done');
    await settle();
    expect(controller.getSnapshot().phase).toBe('success');
    expect(onSettled).toHaveBeenCalledTimes(1);
    expect(await reported).toBe(thrown);
  });
});
