import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createChallengePrefetch } from './challengePrefetch.ts';

describe('createChallengePrefetch', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function counting() {
    let issued = 0;
    const fetchChallenge = vi.fn(async (_signal: AbortSignal) => `challenge-${++issued}`);
    return fetchChallenge;
  }

  it('should fetch nothing until started', async () => {
    const fetchChallenge = counting();
    const prefetch = createChallengePrefetch({ fetchChallenge, maxAgeMs: 1000 });
    await vi.advanceTimersByTimeAsync(5000);
    expect(fetchChallenge).not.toHaveBeenCalled();
    expect(prefetch.take()).toBeUndefined();
  });

  it('should hand each challenge out once', async () => {
    const prefetch = createChallengePrefetch({ fetchChallenge: counting(), maxAgeMs: 1000 });
    prefetch.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(prefetch.take()).toBe('challenge-1');
    expect(prefetch.take()).toBeUndefined();
  });

  it('should refresh by age and never hand out a challenge older than maxAgeMs', async () => {
    const fetchChallenge = vi.fn<(signal: AbortSignal) => Promise<string>>(async () => 'first');
    const prefetch = createChallengePrefetch({ fetchChallenge, maxAgeMs: 1000 });
    prefetch.start();
    await vi.advanceTimersByTimeAsync(0);
    // The refresh fails: the old challenge must not be used past its age.
    fetchChallenge.mockRejectedValue(new TypeError('Failed to fetch'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(fetchChallenge).toHaveBeenCalledTimes(2);
    expect(prefetch.take()).toBeUndefined();
  });

  it('should fetch a new challenge on refresh(), and keep only the newest of two in flight', async () => {
    const answers: ((value: string) => void)[] = [];
    const fetchChallenge = vi.fn((_signal: AbortSignal) => new Promise<string>((resolve) => answers.push(resolve)));
    const prefetch = createChallengePrefetch({ fetchChallenge, maxAgeMs: 1000 });
    prefetch.start();
    prefetch.refresh();
    expect(fetchChallenge.mock.calls[0]?.[0].aborted).toBe(true);
    answers[1]?.('newest');
    answers[0]?.('stale');
    await vi.advanceTimersByTimeAsync(0);
    expect(prefetch.take()).toBe('newest');
  });

  it('should abort the fetch in flight, forget the challenge and stop refreshing when stopped', async () => {
    const fetchChallenge = counting();
    const prefetch = createChallengePrefetch({ fetchChallenge, maxAgeMs: 1000 });
    prefetch.start();
    await vi.advanceTimersByTimeAsync(0);
    prefetch.stop();
    expect(fetchChallenge.mock.calls[0]?.[0].aborted).toBe(true);
    expect(prefetch.take()).toBeUndefined();
    prefetch.refresh();
    await vi.advanceTimersByTimeAsync(5000);
    expect(fetchChallenge).toHaveBeenCalledTimes(1);
  });
});
