import { DfnsHttpError } from '../errors.ts';
import { createExpiringMap } from './expiringMap.ts';
import { createOwnerQueues } from './ownerQueues.ts';

/** The caps of {@link createPendingPlaces}, with the option names a refusal quotes. */
export interface PlaceCaps {
  /** What is held, for messages: `logins`, `registrations`. */
  label: string;
  /** Places held at once, by everyone: past it, the oldest gives way. */
  max: number;
  /** Places one client holds at once: past it, that client's next is refused with a 429. */
  perClient: number;
  /** The option that sets `perClient`, named in the 429. */
  perClientOption: string;
}

/**
 * Places for what a request without a token begins (a login, a sign-up), so that a flood costs the
 * flooder and not the person:
 * - a client (the caller's address, see `clientOf`) holds at most `perClient` places: its next is a
 *   429 that names the cap and says, in `Retry-After`, when its oldest place expires. Earlier places
 *   stay good, and other clients are not touched;
 * - everyone together holds at most `max`: past it the oldest place gives way (`onGiveWay` forgets its
 *   challenge and token), so a flood from many clients costs a person only a place older than `max` newer
 *   ones, and a new one always starts.
 * A request whose client is unknown (the in-process handler) meets only the overall cap.
 * O(1) amortised per call, like the queues it is built on.
 */
export function createPendingPlaces<V>(
  now: () => number,
  caps: PlaceCaps,
  onGiveWay: (key: string, value: V) => void = () => undefined,
) {
  const places = createExpiringMap<string, { value: V; client: string | undefined; expiresAt: number }>(now);
  const queues = createOwnerQueues(now);
  const isLive = (key: string) => {
    const place = places.get(key);
    return place !== undefined && now() < place.expiresAt;
  };
  const ALL = 'all';
  const clientQueue = (client: string) => `client:${client}`;

  const release = (key: string) => {
    const place = places.get(key);
    if (!place) return undefined;
    places.delete(key);
    queues.remove(ALL, key);
    if (place.client !== undefined) queues.remove(clientQueue(place.client), key);
    return place.value;
  };

  return {
    /** Throws the 429 when `client` holds its cap already: called before issuing what a place is for. */
    check(client: string | undefined): void {
      if (client === undefined) return;
      const { count, oldest } = queues.live(clientQueue(client), isLive);
      if (count < caps.perClient) return;
      // At its cap the client holds at least one live place: the oldest frees first.
      const freedAt = places.get(oldest as string)?.expiresAt ?? now();
      throw new DfnsHttpError(
        429,
        `Too many ${caps.label} in progress from this client (${caps.perClientOption}, ${caps.perClient}): complete one, or try again when the oldest expires`,
        undefined,
        { retryAfterMs: freedAt - now() },
      );
    },
    /** Holds `key` (checked first with `check`) until `expiresAt`; the oldest place gives way past `max`. */
    take(client: string | undefined, key: string, value: V, expiresAt: number): void {
      places.set(key, { value, client, expiresAt }, expiresAt);
      if (client !== undefined) queues.add(clientQueue(client), key, expiresAt, Number.POSITIVE_INFINITY, isLive);
      for (const oldest of queues.add(ALL, key, expiresAt, caps.max, isLive)) {
        const value = release(oldest);
        if (value !== undefined) onGiveWay(oldest, value);
      }
    },
    /** The value held under `key`, until it expires or gives way. */
    get(key: string): V | undefined {
      return isLive(key) ? places.get(key)?.value : undefined;
    },
    /** Frees the place (completed); returns what it held. */
    release,
    /** How many places are held (expired ones forgotten first). */
    get size(): number {
      return places.size;
    },
  };
}

/** The places of {@link createPendingPlaces}. */
export type PendingPlaces<V> = ReturnType<typeof createPendingPlaces<V>>;
