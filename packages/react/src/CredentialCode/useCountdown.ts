import { useEffect, useRef, useState } from 'react';

/** What {@link useCountdown} returns while it has a deadline. */
export interface Countdown {
  /** Milliseconds left, never below 0. */
  remainingMs: number;
  /** When the countdown to this deadline started (ms since the epoch). */
  startedAt: number;
}

/**
 * Counts down to `deadline` (ms since the epoch), re-rendering on each whole second and once at the
 * end, when `onEnd` is called first (before the render that shows the end). Nothing without a deadline.
 */
export function useCountdown(deadline: number | undefined, onEnd: () => void): Countdown | undefined {
  const [clock, setClock] = useState<{ deadline: number | undefined; startedAt: number; now: number }>(() => {
    const now = Date.now();
    return { deadline, startedAt: now, now };
  });
  // A new deadline starts from now, in this very render: never a stale "time left" for a fresh code.
  let current = clock;
  if (clock.deadline !== deadline) {
    const now = Date.now();
    current = { deadline, startedAt: now, now };
    setClock(current);
  }
  const onEndRef = useRef(onEnd);
  onEndRef.current = onEnd;

  useEffect(() => {
    if (deadline === undefined) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      const now = Date.now();
      const left = deadline - now;
      if (left <= 0) onEndRef.current();
      setClock((previous) => (previous.deadline === deadline ? { ...previous, now } : previous));
      // Wake on the next whole second of time left, so the display never lags by up to a second.
      if (left > 0) timer = setTimeout(tick, left % 1000 || 1000);
    };
    tick();
    return () => clearTimeout(timer);
  }, [deadline]);

  if (deadline === undefined) return undefined;
  return { remainingMs: Math.max(0, deadline - current.now), startedAt: current.startedAt };
}

/** Time left as `m:ss`, or `h:mm:ss` from an hour on, rounded up to the second. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}
