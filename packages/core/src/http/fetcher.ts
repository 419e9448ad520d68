import { isRecord } from '../dfns/isRecord.ts';
import { CredkitError, isCredkitError } from '../errors/credkitError.ts';

/** One HTTP call, as credkit asks the host to make it. */
export interface FetcherRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The API path, e.g. `/auth/credentials/init`; the host owns the base URL. */
  path: string;
  /** The JSON body, not yet serialised. */
  body?: unknown;
  /**
   * The body already serialised: when present, send exactly these bytes (a user-action signature
   * covers them). It is `JSON.stringify(body)`.
   */
  bodyText?: string;
  /** Extra headers for this call (e.g. `X-DFNS-USERACTION`, or the registration's temporary token). */
  headers?: Record<string, string>;
  /** Aborts the call. */
  signal?: AbortSignal | undefined;
}

/**
 * The host's HTTP client: makes the call (adding base URL, auth headers, user-action signing)
 * and resolves with the parsed JSON body, or rejects. A rejection that is not a CredkitError is
 * classified: `AbortError` → `aborted`, `TypeError` → `network`, an object with a numeric
 * `httpStatus` or `status` (such as the Dfns SDK's `DfnsError`) → `server`.
 */
export type Fetcher = (request: FetcherRequest) => Promise<unknown>;

/** Options of {@link createFetcher}. */
export interface CreateFetcherOptions {
  /** The API's base URL, e.g. `https://api.dfns.io`. */
  baseUrl: string;
  /** Extra headers (e.g. `Authorization`), or a function that returns them per call. */
  headers?: HeadersInit | (() => HeadersInit | Promise<HeadersInit>);
  /** The `fetch` to use. @defaultValue globalThis.fetch */
  fetch?: typeof fetch;
  /** Other `fetch` options for every call, e.g. `{ credentials: 'include' }` for a cookie session. */
  init?: Omit<RequestInit, 'method' | 'body' | 'headers' | 'signal'>;
}

function serverMessageOf(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined;
  // Dfns sends `{ "error": { "message" } }`; other servers `{ "message" }`.
  const nested = isRecord(body.error) ? body.error.message : undefined;
  const message = nested ?? body.message;
  return typeof message === 'string' && message !== '' ? message : undefined;
}

/** Builds the `server` error for an HTTP error status and its (parsed, if JSON) body. */
export function serverError(status: number, body: unknown, cause?: unknown): CredkitError {
  // The message is credkit's own words; the server's, which may say anything, stay apart in serverMessage.
  return new CredkitError(status === 403 ? 'forbidden' : 'server', {
    message: `The server refused the request (HTTP ${status}).`,
    status,
    serverMessage: serverMessageOf(body),
    cause,
  });
}

/** Any rejection of a host fetcher → a {@link CredkitError}. */
export function toFetcherError(error: unknown, signal?: AbortSignal): CredkitError {
  if (isCredkitError(error)) return error;
  if (signal?.aborted || (error instanceof Error && error.name === 'AbortError')) {
    return new CredkitError('aborted', { cause: error });
  }
  // `fetch` rejects with a TypeError when the request got no answer at all.
  if (error instanceof TypeError) return new CredkitError('network', { cause: error });
  // An HTTP client's error that carries the status, such as the Dfns SDK's DfnsError (`httpStatus`, `context.body`).
  if (isRecord(error)) {
    const status = typeof error.httpStatus === 'number' ? error.httpStatus : error.status;
    if (typeof status === 'number') {
      const body = isRecord(error.context) ? error.context.body : undefined;
      return serverError(status, body ?? error, error);
    }
  }
  return new CredkitError('unknown', { cause: error });
}

/** An answer's JSON: `{ value }` (`undefined` for an empty body), or `undefined` when it is not JSON. */
function parseJson(text: string): { value: unknown } | undefined {
  if (text.trim() === '') return { value: undefined };
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

/**
 * A {@link Fetcher} on `fetch`: JSON in and out, `baseUrl` + `path`, the given headers.
 * An error status becomes a `server` CredkitError carrying the status and the server's message
 * (`{ "error": { "message" } }`, as Dfns sends it); a failed connection becomes `network`.
 */
export function createFetcher({ baseUrl, headers, fetch: fetchImpl, init }: CreateFetcherOptions): Fetcher {
  const base = baseUrl.replace(/\/+$/, '');

  return async (request) => {
    const { method, path, signal } = request;
    // A given bodyText is sent as it is: a user-action signature covers those very bytes.
    let bodyText = request.bodyText;
    if (bodyText === undefined && request.body !== undefined) bodyText = JSON.stringify(request.body);

    const requestHeaders = new Headers(typeof headers === 'function' ? await headers() : headers);
    for (const [name, value] of Object.entries(request.headers ?? {})) requestHeaders.set(name, value);
    requestHeaders.set('Accept', 'application/json');
    if (bodyText !== undefined) requestHeaders.set('Content-Type', 'application/json');

    let response: Response;
    let answer: string;
    try {
      const send = fetchImpl ?? globalThis.fetch;
      response = await send(base + path, { ...init, method, headers: requestHeaders, body: bodyText, signal });
      answer = await response.text();
    } catch (error) {
      throw toFetcherError(error, signal);
    }

    const json = parseJson(answer);
    // An error status says what it is, JSON or not.
    if (!response.ok) throw serverError(response.status, json?.value);
    if (!json) {
      throw new CredkitError('server', {
        message: `The server's answer to ${method} ${path} is not JSON.`,
        status: response.status,
      });
    }
    return json.value;
  };
}
