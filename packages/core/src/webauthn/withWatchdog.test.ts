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

describe('withWatchdog', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('should settle at once, aborted, when the caller signal is already aborted', async () => {
    const controller = new AbortController();
    const reason = new DOMException('gone', 'AbortError');
    controller.abort(reason);
    const { start, signals } = hangingCall();

    const error = await credkitRejection(
      withWatchdog({ start, timeoutMs: 1_000, signal: controller.signal, phase: 'signing' }),
    );

    expect([error.code, error.phase, error.cause]).toEqual(['aborted', 'signing', reason]);
    expect(signals[0]?.aborted).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("should keep the caller's CredkitError reason (the hook's cancel says cancelled)", async () => {
    const controller = new AbortController();
    const { start } = hangingCall();
    const pending = credkitRejection(
      withWatchdog({ start, timeoutMs: 1_000, signal: controller.signal, phase: 'ceremony' }),
    );
    controller.abort(new CredkitError('cancelled'));
    expect([(await pending).code, (await pending).phase]).toEqual(['cancelled', 'ceremony']);
  });

  it('should report timed-out in the given phase when the watchdog fires', async () => {
    const { start, signals } = hangingCall();
    const settled = withWatchdog({ start, timeoutMs: 1_000, graceMs: 500, phase: 'signing' });
    const rejection = credkitRejection(settled);

    await vi.advanceTimersByTimeAsync(1_499);
    expect(signals[0]?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);

    const error = await rejection;
    expect([error.code, error.phase]).toEqual(['timed-out', 'signing']);
    expect(signals[0]?.reason).toMatchObject({ name: 'TimeoutError' });
  });

  it("should keep the call's own CredkitError, adding the phase, and call anything else unknown", async () => {
    const named = new CredkitError('cancelled');
    const kept = await credkitRejection(
      withWatchdog({ start: () => Promise.reject(named), timeoutMs: 1_000, phase: 'signing' }),
    );
    expect([kept, kept.phase]).toEqual([named, 'signing']);

    const failure = new TypeError('nope');
    const error = await credkitRejection(
      withWatchdog({ start: () => Promise.reject(failure), timeoutMs: 1_000, phase: 'signing' }),
    );
    expect([error.code, error.cause]).toEqual(['unknown', failure]);
  });

  it('should abort the call in progress when a newer one starts, and no other call when one is aborted', async () => {
    const { start, signals } = hangingCall();
    const first = new AbortController();
    const one = credkitRejection(withWatchdog({ start, timeoutMs: 1_000, signal: first.signal, phase: 'ceremony' }));
    const two = credkitRejection(withWatchdog({ start, timeoutMs: 1_000, phase: 'signing' }));
    expect((await one).message).toBe('A newer passkey prompt replaced this one.');
    first.abort();
    expect(signals[1]?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(4_000);
    expect((await two).code).toBe('timed-out');
  });
});
