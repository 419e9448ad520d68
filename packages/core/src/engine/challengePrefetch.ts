/** A challenge fetched before it is needed: used once, refreshed by age. */
export interface ChallengePrefetch<TChallenge> {
  /**
   * Fetches a challenge on the next task and again every `maxAgeMs` while the page is visible, until
   * `stop()`. (On the next task: React StrictMode's mount → unmount → mount fetches once, not twice.)
   */
  start: () => void;
  /** Stops refreshing, aborts a fetch in flight and forgets the challenge held. */
  stop: () => void;
  /** The challenge held, if younger than `maxAgeMs`; it is handed out once, never twice. */
  take: () => TChallenge | undefined;
  /**
   * Fetches a new challenge (after an attempt used or spoilt the last one), if started: on the next
   * task, so that the attempt's outcome renders before the request is made.
   */
  refresh: () => void;
}

/** Options of {@link createChallengePrefetch}. */
export interface ChallengePrefetchOptions<TChallenge> {
  /** Fetches one challenge. */
  fetchChallenge: (signal: AbortSignal) => Promise<TChallenge>;
  /** How long a challenge is used, and how often it is refreshed, in ms; read each time it is needed. */
  maxAgeMs: () => number;
}

/**
 * Keeps one fresh challenge ready, so that a click goes straight to `navigator.credentials.create`:
 * Safari spends the click's user activation on an awaited fetch. A failed prefetch is silent; the
 * registration then fetches its own challenge and reports that one's failure.
 */
export function createChallengePrefetch<TChallenge>({
  fetchChallenge,
  maxAgeMs,
}: ChallengePrefetchOptions<TChallenge>): ChallengePrefetch<TChallenge> {
  let held: { challenge: TChallenge; fetchedAt: number } | undefined;
  let inFlight: AbortController | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let started = false;
  // A refresh that came due while the page was hidden: done when it is shown again.
  let dueWhileHidden = false;

  const isHidden = () => typeof document !== 'undefined' && document.visibilityState === 'hidden';

  function fetchNow(): void {
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    clearTimeout(timer);
    timer = setTimeout(refreshByAge, maxAgeMs());
    fetchChallenge(controller.signal).then(
      (challenge) => {
        if (inFlight === controller) held = { challenge, fetchedAt: Date.now() };
      },
      () => {
        // Not the person's error: the click fetches again and reports that one.
        if (inFlight === controller) held = undefined;
      },
    );
  }

  // A hidden tab does not keep asking the server for challenges nobody will use.
  function refreshByAge(): void {
    if (isHidden()) dueWhileHidden = true;
    else fetchNow();
  }

  function onVisibilityChange(): void {
    if (!isHidden() && dueWhileHidden) {
      dueWhileHidden = false;
      fetchNow();
    }
  }

  return {
    start() {
      if (started) return;
      started = true;
      timer = setTimeout(fetchNow, 0);
      if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onVisibilityChange);
    },
    stop() {
      started = false;
      dueWhileHidden = false;
      clearTimeout(timer);
      inFlight?.abort();
      inFlight = undefined;
      held = undefined;
      if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onVisibilityChange);
    },
    take() {
      const taken = held;
      held = undefined;
      if (!taken || Date.now() - taken.fetchedAt >= maxAgeMs()) return undefined;
      return taken.challenge;
    },
    refresh() {
      if (!started) return;
      // Starting a fetch costs the main thread about a millisecond: not before the outcome has rendered.
      clearTimeout(timer);
      timer = setTimeout(fetchNow, 0);
    },
  };
}
