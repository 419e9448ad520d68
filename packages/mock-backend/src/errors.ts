import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { MockRefusalReason } from './mockRefusal.ts';

/** An error the mock answers with a Dfns-shaped body `{ "error": { "message" } }` and a 4xx status. */
export class DfnsHttpError extends Error {
  readonly status: ContentfulStatusCode;
  /** Set when the refusal is one `onRefusal` reports. */
  readonly refusal: MockRefusalReason | undefined;
  /** A 429's wait before trying again, sent as `Retry-After` (whole seconds, at least 1). */
  readonly retryAfterMs: number | undefined;

  constructor(
    status: ContentfulStatusCode,
    message: string,
    refusal?: MockRefusalReason,
    { retryAfterMs }: { retryAfterMs?: number } = {},
  ) {
    super(message);
    this.name = 'DfnsHttpError';
    this.status = status;
    this.refusal = refusal;
    this.retryAfterMs = retryAfterMs;
  }

  /** The response headers the error carries. */
  get headers(): Record<string, string> {
    if (this.retryAfterMs === undefined) return {};
    return { 'Retry-After': String(Math.max(1, Math.ceil(this.retryAfterMs / 1000))) };
  }
}

/** A 400 naming what is wrong with the request. */
export function badRequest(message: string): DfnsHttpError {
  return new DfnsHttpError(400, message);
}

/** The 401 Dfns answers to a missing, unknown, expired or wrong kind of bearer token. */
export function notAuthorized(refusal: MockRefusalReason & { reason: 'token' }): DfnsHttpError {
  return new DfnsHttpError(401, 'Not Authorized.', refusal);
}

/** What a caught value says: an error's message, or the value as a string. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The Dfns error body. */
export function dfnsErrorBody(message: string): { error: { message: string } } {
  return { error: { message } };
}
