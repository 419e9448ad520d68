import { badRequest } from '../errors.ts';
import { createExpiringMap } from './expiringMap.ts';
import { randomDigits } from './ids.ts';

/** A verification code of `POST /auth/recover/user/code`: whose it is, and until when it can start a recovery. */
export interface RecoveryCode {
  code: string;
  userId: string;
  expiresAt: number;
}

/** Why a verification code cannot start a recovery. */
const WRONG = 'verificationCode is not valid for this username: ask POST /auth/recover/user/code for a new one';

/**
 * The verification codes Dfns e-mails for a recovery (the mock hands them to `onVerificationCode` and
 * `GET /mock/recovery-codes` instead): `1234-1234-1234-1234`-shaped, bound to one user, expiring after
 * `ttlMs`, spent by the recovery challenge they obtain. A new code replaces the user's previous one.
 * Live and spent codes are remembered `ttlMs` past their expiry, to say why they fail, then forgotten.
 */
export function createRecoveryCodes({ now, ttlMs }: { now: () => number; ttlMs: number }) {
  /** The live code of each user. */
  const live = createExpiringMap<string, RecoveryCode>(now);
  /** Spent codes by user: to say "already used" rather than "not valid". */
  const spent = createExpiringMap<string, RecoveryCode>(now);

  return {
    issue(userId: string): RecoveryCode {
      const entry = { code: [0, 1, 2, 3].map(() => randomDigits(4)).join('-'), userId, expiresAt: now() + ttlMs };
      live.set(userId, entry, entry.expiresAt + ttlMs);
      return entry;
    },

    /** The user's live code, if any (expired ones included, until replaced, spent or forgotten). */
    latest(userId: string): RecoveryCode | undefined {
      return live.get(userId);
    },

    /** Checks `code` is the user's live, unexpired code; a 400 saying why not. Does not spend it. */
    check(userId: string | undefined, code: string): RecoveryCode {
      const entry = userId === undefined ? undefined : live.get(userId);
      if (!entry || entry.code !== code) {
        const used = userId === undefined ? undefined : spent.get(userId);
        if (used && used.code === code) {
          throw badRequest('verificationCode was already used: a code starts one recovery, ask for a new one');
        }
        throw badRequest(WRONG);
      }
      if (now() > entry.expiresAt) {
        throw badRequest('verificationCode has expired: ask POST /auth/recover/user/code for a new one');
      }
      return entry;
    },

    /** Spends the user's code: its recovery challenge was issued. */
    spend(entry: RecoveryCode): void {
      if (live.get(entry.userId) === entry) live.delete(entry.userId);
      spent.set(entry.userId, entry, entry.expiresAt + ttlMs);
    },

    /** How many codes are remembered, live or spent (expired ones forgotten first). */
    get size(): number {
      return live.size + spent.size;
    },
  };
}

/** The mock's recovery verification codes. */
export type RecoveryCodes = ReturnType<typeof createRecoveryCodes>;
