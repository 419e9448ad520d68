interface Entry<K, V> {
  key: K;
  value: V;
  forgetAt: number;
}

/** A first-in, first-out queue of entries over an array, popped by moving a head index. */
interface Queue<K, V> {
  items: Entry<K, V>[];
  head: number;
}

/**
 * A `Map` whose entries are forgotten once the clock passes the time each was set with: the mock's
 * state stays bounded by what is live, and costs O(1) amortised per call however large it grows.
 *
 * No scan: entries wait in first-in, first-out queues, one per lifetime class (lifetimes within the
 * same power of two), and each call pops the expired ones from the front of each queue.
 * Entries of equal lifetime expire in the order they were set, so they are forgotten on time; one of a
 * shorter lifetime in the same class waits for the one in front of it, at most twice its lifetime.
 * Until it is forgotten an entry is still returned: callers check their own expiry (a challenge is
 * kept past it, to answer "expired" rather than "unknown").
 * An entry deleted or set again before its time leaves its old place in a queue behind: once those
 * outnumber the entries held, the queues are rebuilt without them, so memory follows what is held
 * (a flood whose entries give way early holds no more than the entries left), still O(1) amortised.
 */
export function createExpiringMap<K, V>(now: () => number) {
  const entries = new Map<K, Entry<K, V>>();
  /** By lifetime class: the entries set with a lifetime in [2^class, 2^(class+1)) milliseconds. */
  const queues = new Map<number, Queue<K, V>>();
  /** Places in the queues not yet popped: the entries held, and those deleted or replaced since. */
  let queued = 0;

  function forgetExpired(): void {
    const time = now();
    for (const queue of queues.values()) {
      const { items } = queue;
      while (queue.head < items.length && (items[queue.head] as Entry<K, V>).forgetAt <= time) {
        const entry = items[queue.head++] as Entry<K, V>;
        queued--;
        // Deleted or set again since: the map holds another entry (or none) under the key.
        if (entries.get(entry.key) === entry) entries.delete(entry.key);
      }
      // Drops the popped front once it is most of the array: amortised O(1) per entry.
      if (queue.head > 64 && queue.head * 2 >= items.length) {
        items.splice(0, queue.head);
        queue.head = 0;
      }
    }
  }

  /** Rebuilds the queues with only the entries held: what was deleted or set again goes. */
  function dropStalePlaces(): void {
    queued = 0;
    for (const queue of queues.values()) {
      queue.items = queue.items.slice(queue.head).filter((entry) => entries.get(entry.key) === entry);
      queue.head = 0;
      queued += queue.items.length;
    }
  }

  return {
    /** Sets `key` until the clock passes `forgetAt` (milliseconds, `Infinity` for never). */
    set(key: K, value: V, forgetAt: number): void {
      forgetExpired();
      const entry = { key, value, forgetAt };
      entries.set(key, entry);
      if (forgetAt === Number.POSITIVE_INFINITY) return;
      const lifetimeClass = Math.max(0, Math.ceil(Math.log2(Math.max(1, forgetAt - now()))));
      let queue = queues.get(lifetimeClass);
      if (!queue) {
        queue = { items: [], head: 0 };
        queues.set(lifetimeClass, queue);
      }
      queue.items.push(entry);
      queued++;
      // Rebuilt after at least as many deletions as entries held: O(1) amortised per call.
      if (queued > 64 && queued > 2 * entries.size) dropStalePlaces();
    },
    /** The value under `key`, until it is forgotten. */
    get(key: K): V | undefined {
      return entries.get(key)?.value;
    },
    has(key: K): boolean {
      return entries.has(key);
    },
    delete(key: K): void {
      entries.delete(key);
    },
    /** How many entries are held, once the expired ones are forgotten. */
    get size(): number {
      forgetExpired();
      return entries.size;
    },
  };
}

/** A map of {@link createExpiringMap}. */
export type ExpiringMap<K, V> = ReturnType<typeof createExpiringMap<K, V>>;
