import { badRequest } from '../errors.ts';

/** How far ahead a credential code may expire: Dfns documents "max is 1 minute in the future". */
export const MAX_CODE_LIFETIME_MS = 60_000;
/** What the mock allows beyond that, for a client clock a little ahead of the server's. */
export const CODE_CLOCK_SKEW_MS = 5_000;

// RFC 3339 date-time, as the Dfns OpenAPI (`format: date-time`) asks: a time zone is required.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/i;

/**
 * The `expiration` of `POST /auth/credentials/code`, in milliseconds: an ISO-8601 date-time string
 * or a Unix timestamp in seconds (an integer), in the future and at most a minute ahead of `now`.
 */
export function readCodeExpiration(value: unknown, now: number): number {
  let expiresAt: number;
  if (typeof value === 'string' && DATE_TIME.test(value)) {
    expiresAt = Date.parse(value);
  } else if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) {
    expiresAt = value * 1000;
  } else {
    throw badRequest(
      'expiration is required: an ISO-8601 date-time string (e.g. "2026-01-01T12:00:00Z") or a Unix timestamp in seconds',
    );
  }
  if (!Number.isFinite(expiresAt)) throw badRequest(`expiration ${JSON.stringify(value)} is not a valid date`);
  if (expiresAt <= now) throw badRequest('expiration is in the past');
  if (expiresAt > now + MAX_CODE_LIFETIME_MS + CODE_CLOCK_SKEW_MS) {
    const unit = typeof value === 'number' ? ' (a number is Unix time in seconds, not milliseconds)' : '';
    throw badRequest(
      `expiration is more than 1 minute ahead${unit}: a code lives at most ${MAX_CODE_LIFETIME_MS / 1000} s`,
    );
  }
  return expiresAt;
}
