import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** An error the mock answers with a Dfns-shaped body `{ "error": { "message" } }` and a 4xx status. */
export class DfnsHttpError extends Error {
  readonly status: ContentfulStatusCode;

  constructor(status: ContentfulStatusCode, message: string) {
    super(message);
    this.name = 'DfnsHttpError';
    this.status = status;
  }
}

/** A 400 naming what is wrong with the request. */
export function badRequest(message: string): DfnsHttpError {
  return new DfnsHttpError(400, message);
}

/** The Dfns error body. */
export function dfnsErrorBody(message: string): { error: { message: string } } {
  return { error: { message } };
}
