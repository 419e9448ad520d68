import { DfnsHttpError } from './errors.ts';

// Exactly as a browser serializes such an origin: no path, no trailing slash, and no `:80` (the default).
const LOOPBACK_ORIGIN = /^http:\/\/(?:localhost|127\.0\.0\.1)(?::([1-9]\d{0,4}))?$/;

/** `http://localhost` or `http://127.0.0.1` on any port: the origins allowed when none are configured. */
export function isLoopbackOrigin(origin: string): boolean {
  const match = LOOPBACK_ORIGIN.exec(origin);
  return match !== null && Number(match[1] ?? 80) <= 65_535;
}

/**
 * Whether a browser origin may call the mock (CORS) and appear in `clientData.origin`: one of
 * `origins` exactly, or, when `origins` is not set, any loopback origin ({@link isLoopbackOrigin}).
 * The one rule for both, so a page the browser lets through is never refused later for its origin.
 */
export function isAllowedOrigin(origin: string, origins: readonly string[] | undefined): boolean {
  return origins ? origins.includes(origin) : isLoopbackOrigin(origin);
}

/** The allowed origins, for messages: the list, or the loopback rule in words. */
export function allowedOriginsText(origins: readonly string[] | undefined): string {
  return origins ? origins.join(', ') : 'http://localhost:<any port>, http://127.0.0.1:<any port>';
}

/** The 400 for a `clientData.origin` the mock does not allow, naming it and what is allowed. */
export function originNotAllowed(origin: string, origins: readonly string[] | undefined): DfnsHttpError {
  return new DfnsHttpError(400, `origin ${origin} is not allowed (allowed: ${allowedOriginsText(origins)})`, {
    reason: 'origin',
    origin,
    check: 'clientData',
  });
}
