import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CredkitError } from '../errors/credkitError.ts';
import { credkitRejection } from '../testFixtures.ts';
import { withWatchdog } from './withWatchdog.ts';

/** A browser call that never settles and ignores its signal; records the signal it was given. */
function hangingCall() {
  const signals: AbortSignal[] = [];
  const start = (signal: AbortSignal) => {
    signals.push(signal);
    return new Promise<never>(() => undefined);
  };
  return { start, signals };
}

const classifyAs = (code: 'aborted' | 'unknown') => (error: unknown) =>
  new CredkitError(code, { phase: 'signing', cause: error });

describe('withWatchdog', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('should settle at once, with the abort classified, when the caller signal is already aborted', async () => {
    const controller = new AbortController();
    const reason = new DOMException('gone', 'AbortError');
    controller.abort(reason);
    const { start, signals } = hangingCall();
    const classify = vi.fn(classifyAs('aborted'));

    const error = await credkitRejection(
      withWatchdog({ start, timeoutMs: 1_000, signal: controller.signal, phase: 'signing', classify }),
    );

    expect(error.code).toBe('aborted');
    expect(classify).toHaveBeenCalledWith(reason, expect.any(Number), signals[0]);
    expect(signals[0]?.aborted).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('should report timed-out in the given phase when the watchdog fires, not ask classify', async () => {
    const { start, signals } = hangingCall();
    const classify = vi.fn(classifyAs('unknown'));
    const settled = withWatchdog({ start, timeoutMs: 1_000, graceMs: 500, phase: 'signing', classify });
    const rejection = credkitRejection(settled);

    await vi.advanceTimersByTimeAsync(1_499);
    expect(signals[0]?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);

    const error = await rejection;
    expect([error.code, error.phase]).toEqual(['timed-out', 'signing']);
    expect(classify).not.toHaveBeenCalled();
    expect(signals[0]?.reason).toMatchObject({ name: 'TimeoutError' });
  });

  it("should pass the call's failure and its duration to classify", async () => {
    const failure = new DOMException('nope', 'NotAllowedError');
    const classify = vi.fn(classifyAs('unknown'));
    const error = await credkitRejection(
      withWatchdog({ start: () => Promise.reject(failure), timeoutMs: 1_000, phase: 'signing', classify }),
    );
    expect(error.cause).toBe(failure);
    expect(classify).toHaveBeenCalledWith(failure, expect.any(Number), expect.any(AbortSignal));
  });
});
