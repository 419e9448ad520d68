import { createExpiringMap } from './expiringMap.ts';

/**
 * Per owner (a user, a credential code), the keys of their entries in another store, oldest first, at
 * most a cap: adding past it names the owner's oldest to drop, so a flood costs only the flooder's own
 * entries. O(1) amortised per call: a `Set` keeps insertion order, keys the store has forgotten are
 * dropped from the front when next seen, and an owner is forgotten
 * at most one lifetime after their newest entry.
 */
export function createOwnerQueues(now: () => number) {
  const owners = createExpiringMap<string, { keys: Set<string>; forgetAt: number }>(now);

  return {
    /**
     * Adds `key` to the owner's queue, held until `forgetAt`; returns the keys that give way to keep
     * at most `max` (the oldest first). `isLive` says whether the store still holds a key.
     */
    add(owner: string, key: string, forgetAt: number, max: number, isLive: (key: string) => boolean): string[] {
      const queue = owners.get(owner) ?? { keys: new Set<string>(), forgetAt };
      const { keys } = queue;
      for (const oldest of keys) {
        if (isLive(oldest)) break;
        keys.delete(oldest);
      }
      keys.add(key);
      const evicted: string[] = [];
      for (const oldest of keys) {
        if (keys.size <= max) break;
        keys.delete(oldest);
        evicted.push(oldest);
      }
      // Set again only when the owner would be forgotten too soon, and then for twice as long: once per
      // lifetime at most, or the map's expiry queues would hold an entry per call.
      if (!owners.has(owner) || forgetAt > queue.forgetAt) {
        queue.forgetAt = forgetAt + Math.max(0, forgetAt - now());
        owners.set(owner, queue, queue.forgetAt);
      }
      return evicted;
    },
    /** How many keys the owner holds that the store still holds, and the oldest of them. */
    live(owner: string, isLive: (key: string) => boolean): { count: number; oldest: string | undefined } {
      const keys = owners.get(owner)?.keys;
      if (!keys) return { count: 0, oldest: undefined };
      for (const oldest of keys) {
        if (isLive(oldest)) return { count: keys.size, oldest };
        keys.delete(oldest);
      }
      return { count: 0, oldest: undefined };
    },
    /** Takes `key` out of the owner's queue (spent, revoked); an owner left with none is forgotten at once. */
    remove(owner: string, key: string): void {
      const queue = owners.get(owner);
      if (!queue) return;
      queue.keys.delete(key);
      if (queue.keys.size === 0) owners.delete(owner);
    },
    /** Takes the owner's whole queue out, returning its keys. */
    take(owner: string): string[] {
      const keys = [...(owners.get(owner)?.keys ?? [])];
      owners.delete(owner);
      return keys;
    },
  };
}
