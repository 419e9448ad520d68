import type { AccountNudge } from './accountNudges.ts';

/**
 * Where "not now" is kept: a host's own store (its backend, a cookie, memory). The values are the
 * kit's; `get` gives back what `set` was given, or `null`.
 */
export interface NudgeStorage {
  get(key: string): string | null | Promise<string | null>;
  set(key: string, value: string): void | Promise<void>;
}

/** Options of {@link createNudgeDismissals}. */
export interface NudgeDismissalsOptions {
  /** Where dismissals are kept. @defaultValue `localStorage`, or memory where it is unavailable (SSR, a locked-down browser) */
  storage?: NudgeStorage;
  /**
   * The key they are kept under: give one per account (e.g. from your user's id, hashed if you like)
   * so one person's "not now" is not another's on a shared browser. @defaultValue "credkit:nudges"
   */
  storageKey?: string;
}

/** The nudges put off ("not now"), read and written through a {@link NudgeStorage}. */
export interface NudgeDismissals {
  /** The nudges put off so far; none when the stored value is unreadable. */
  read(): Promise<AccountNudge[]>;
  /** Puts a nudge off; resolves with every nudge put off. */
  dismiss(nudge: AccountNudge): Promise<AccountNudge[]>;
}

const NUDGES: readonly AccountNudge[] = ['create-recovery-key', 'add-passkey-elsewhere', 'add-passkey-here'];

function memoryStorage(): NudgeStorage {
  const values = new Map<string, string>();
  return { get: (key) => values.get(key) ?? null, set: (key, value) => void values.set(key, value) };
}

/** `localStorage`, or memory when reading it throws (Safari's private mode of old, SSR, sandboxed frames). */
function defaultStorage(): NudgeStorage {
  try {
    const local = globalThis.localStorage;
    if (local) {
      return { get: (key) => local.getItem(key), set: (key, value) => local.setItem(key, value) };
    }
  } catch {
    // A denied `localStorage` getter throws: remember for this page only.
  }
  return memoryStorage();
}

function parse(value: string | null): AccountNudge[] {
  try {
    const parsed: unknown = JSON.parse(value ?? '[]');
    return Array.isArray(parsed) ? NUDGES.filter((nudge) => parsed.includes(nudge)) : [];
  } catch {
    return [];
  }
}

/** The dismissals of the account nudges, kept in `storage` (localStorage by default) under `storageKey`. */
export function createNudgeDismissals({
  storage = defaultStorage(),
  storageKey = 'credkit:nudges',
}: NudgeDismissalsOptions = {}): NudgeDismissals {
  const read = async () => parse(await storage.get(storageKey));
  return {
    read,
    async dismiss(nudge) {
      const dismissed = [...new Set([...(await read()), nudge])];
      await storage.set(storageKey, JSON.stringify(dismissed));
      return dismissed;
    },
  };
}
