import { badRequest } from '../errors.ts';
import { createExpiringMap } from './expiringMap.ts';
import { randomDigits } from './ids.ts';

/** A code the mock "mails" a user (`1234-1234-1234-1234`): whose it is, and until when it works. */
export interface MailedCode {
  code: string;
  userId: string;
  /** When it was mailed: within {@link RESEND_AFTER_MS} of it, asking again mails it again. */
  issuedAt: number;
  expiresAt: number;
}

/**
 * How many unexpired codes a user holds at most. Past it, asking for a new one mails nothing until the
 * oldest expires (or one is spent), and the route answers as ever: anyone may ask for a user's code,
 * and must neither void the codes the user was mailed, nor grow the mock's state, nor learn from a
 * different answer that the username has an account.
 */
export const LIVE_CODES_PER_USER = 3;

/**
 * How long after a code was mailed asking again mails the same code rather than a new one (a minute):
 * a double click, or a mail that is slow to come, keeps the live code.
 */
export const RESEND_AFTER_MS = 60_000;

/** What the codes are for, in the words of their refusals. */
export interface MailedCodesOptions {
  now: () => number;
  /** How long a code works, in milliseconds; it is remembered as long again, to say "expired". */
  ttlMs: number;
  /** The request field that carries the code: `verificationCode`, `loginCode`. */
  field: string;
  /** The route that mails one: `POST /auth/recover/user/code`. */
  mailedBy: string;
  /** What one code does: `starts one recovery`. */
  use: string;
}

/**
 * Codes Dfns e-mails a user (a recovery's verification code, a login code; the mock hands them to a
 * callback and a `GET /mock/…` route instead): bound to one user, expiring after `ttlMs`, single-use.
 * Bounded: at most {@link LIVE_CODES_PER_USER} unspent and as many spent codes per user, each user's
 * forgotten `ttlMs` after their newest code expired. No scan: a call costs the same however many
 * users have codes.
 */
export function createMailedCodes({ now, ttlMs, field, mailedBy, use }: MailedCodesOptions) {
  /** Each user's unspent codes, oldest first (expired ones until replaced or forgotten). */
  const live = createExpiringMap<string, MailedCode[]>(now);
  /** Each user's last spent codes: to say "already used" rather than "not valid". */
  const spent = createExpiringMap<string, MailedCode[]>(now);

  const keep = (map: typeof live, userId: string, codes: MailedCode[]) => {
    if (codes.length === 0) map.delete(userId);
    else map.set(userId, codes, Math.max(...codes.map((entry) => entry.expiresAt)) + ttlMs);
  };

  return {
    /** The request field that carries these codes. */
    field,

    /**
     * A code to mail the user: the newest again within {@link RESEND_AFTER_MS} of its mailing, else a
     * new one; nothing (`undefined`) when the user already holds {@link LIVE_CODES_PER_USER}
     * unexpired codes: the ones mailed keep working.
     */
    issue(userId: string): MailedCode | undefined {
      const time = now();
      const unexpired = (live.get(userId) ?? []).filter((entry) => time <= entry.expiresAt);
      const newest = unexpired.at(-1);
      if (newest && time - newest.issuedAt < RESEND_AFTER_MS) return newest;
      if (unexpired.length >= LIVE_CODES_PER_USER) return undefined;
      const entry = {
        code: [0, 1, 2, 3].map(() => randomDigits(4)).join('-'),
        userId,
        issuedAt: time,
        expiresAt: time + ttlMs,
      };
      keep(live, userId, [...unexpired, entry]);
      return entry;
    },

    /** The user's newest unspent code, if any (expired ones included, until replaced or forgotten). */
    latest(userId: string): MailedCode | undefined {
      return live.get(userId)?.at(-1);
    },

    /** The user's unspent, unexpired code `code`; a 400 naming the field and saying why not. Does not spend it. */
    check(userId: string | undefined, code: string): MailedCode {
      const entry = userId === undefined ? undefined : live.get(userId)?.find((mailed) => mailed.code === code);
      if (!entry) {
        if (userId !== undefined && spent.get(userId)?.some((used) => used.code === code)) {
          throw badRequest(`${field} was already used: a code ${use}, ask ${mailedBy} for a new one`);
        }
        throw badRequest(`${field} is not valid for this username: ask ${mailedBy} for a new one`);
      }
      if (now() > entry.expiresAt) throw badRequest(`${field} has expired: ask ${mailedBy} for a new one`);
      return entry;
    },

    /** Spends a code {@link check} returned. */
    spend(entry: MailedCode): void {
      keep(
        live,
        entry.userId,
        (live.get(entry.userId) ?? []).filter((mailed) => mailed !== entry),
      );
      keep(spent, entry.userId, [...(spent.get(entry.userId) ?? []), entry].slice(-LIVE_CODES_PER_USER));
    },

    /** Voids every unspent code of the user (an account recovery): they are "not valid" from now on. */
    voidUser(userId: string): void {
      live.delete(userId);
    },

    /** How many lists of codes are held, a user's unspent and spent ones apart (forgotten ones not counted). */
    get size(): number {
      return live.size + spent.size;
    },
  };
}

/** Codes the mock "mails": recovery verification codes, login codes. */
export type MailedCodes = ReturnType<typeof createMailedCodes>;
