import { describe, expect, it, vi } from 'vitest';
import { credkitRejection } from '../testFixtures.ts';
import { createFetcher, toFetcherError } from './fetcher.ts';

function fakeFetch(respond: (url: string, init: RequestInit) => Response | Promise<Response>) {
  return vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => respond(String(input), init ?? {}));
}

describe('createFetcher', () => {
  it('should send JSON to baseUrl + path with the headers and parse the JSON answer', async () => {
    const fetch = fakeFetch(() => Response.json({ ok: 1 }));
    const fetcher = createFetcher({ baseUrl: 'http://api.test/', headers: { Authorization: 'Bearer t' }, fetch });
    await expect(fetcher({ method: 'POST', path: '/auth/credentials/init', body: { kind: 'Fido2' } })).resolves.toEqual(
      {
        ok: 1,
      },
    );
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('http://api.test/auth/credentials/init');
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe('{"kind":"Fido2"}');
    const headers = new Headers(init?.headers);
    expect(headers.get('authorization')).toBe('Bearer t');
    expect(headers.get('content-type')).toBe('application/json');
  });

  it('should send per-call headers, the exact bodyText, and the extra fetch options', async () => {
    const fetch = fakeFetch(() => Response.json({}));
    const fetcher = createFetcher({
      baseUrl: 'http://x',
      headers: { A: '1' },
      fetch,
      init: { credentials: 'include' },
    });
    await fetcher({ method: 'POST', path: '/p', body: { a: 1 }, bodyText: '{"a": 1}', headers: { B: '2' } });
    const [, init] = fetch.mock.calls[0] ?? [];
    expect(init?.body).toBe('{"a": 1}');
    expect(init?.credentials).toBe('include');
    const headers = new Headers(init?.headers);
    expect([headers.get('a'), headers.get('b')]).toEqual(['1', '2']);
  });

  it('should ask for headers per call when given a function', async () => {
    let token = 'one';
    const fetch = fakeFetch(() => Response.json({}));
    const fetcher = createFetcher({
      baseUrl: 'http://api.test',
      headers: async () => ({ Authorization: token }),
      fetch,
    });
    await fetcher({ method: 'GET', path: '/a' });
    token = 'two';
    await fetcher({ method: 'GET', path: '/a' });
    expect(fetch.mock.calls.map(([, init]) => new Headers(init?.headers).get('authorization'))).toEqual(['one', 'two']);
    expect(new Headers(fetch.mock.calls[0]?.[1]?.headers).has('content-type')).toBe(false);
  });

  it('should turn a Dfns error body into a server error with status and message', async () => {
    const fetch = fakeFetch(() => Response.json({ error: { message: 'Challenge expired' } }, { status: 400 }));
    const error = await credkitRejection(createFetcher({ baseUrl: 'http://x', fetch })({ method: 'GET', path: '/' }));
    expect(error.code).toBe('server');
    expect(error.status).toBe(400);
    expect(error.serverMessage).toBe('Challenge expired');
    // credkit's own words; the server's stay apart, for describeError to mark as the server's.
    expect(error.message).toBe('The server refused the request (HTTP 400).');
  });

  it('should read a flat { message } body too', async () => {
    const fetch = fakeFetch(() => Response.json({ message: 'Not Authorized.' }, { status: 401 }));
    const error = await credkitRejection(createFetcher({ baseUrl: 'http://x', fetch })({ method: 'GET', path: '/' }));
    expect([error.status, error.serverMessage]).toEqual([401, 'Not Authorized.']);
  });

  it('should keep the status when the error body is not JSON', async () => {
    const fetch = fakeFetch(() => new Response('<h1>Bad gateway</h1>', { status: 502 }));
    const error = await credkitRejection(createFetcher({ baseUrl: 'http://x', fetch })({ method: 'GET', path: '/' }));
    expect([error.code, error.status, error.serverMessage]).toEqual(['server', 502, undefined]);
    expect(error.message).toContain('HTTP 502');
  });

  it('should refuse a success answer that is not JSON', async () => {
    const fetch = fakeFetch(() => new Response('<html>', { status: 200 }));
    const error = await credkitRejection(createFetcher({ baseUrl: 'http://x', fetch })({ method: 'GET', path: '/p' }));
    expect(error.code).toBe('server');
    expect(error.message).toContain('GET /p is not JSON');
  });

  it('should be network when fetch fails to connect', async () => {
    const cause = new TypeError('Failed to fetch');
    const fetch = fakeFetch(() => Promise.reject(cause));
    const error = await credkitRejection(createFetcher({ baseUrl: 'http://x', fetch })({ method: 'GET', path: '/' }));
    expect(error.code).toBe('network');
    expect(error.cause).toBe(cause);
  });

  it('should be aborted when the signal aborts the request', async () => {
    const controller = new AbortController();
    const fetch = fakeFetch(
      (_url, init) =>
        new Promise<Response>((_resolve, reject) =>
          init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        ),
    );
    const pending = createFetcher({ baseUrl: 'http://x', fetch })({
      method: 'GET',
      path: '/',
      signal: controller.signal,
    });
    controller.abort();
    expect((await credkitRejection(pending)).code).toBe('aborted');
  });
});

describe('toFetcherError', () => {
  it("should read a DfnsError-like rejection of a host's own fetcher", () => {
    const dfnsError = Object.assign(new Error('user action signature is missing or invalid'), {
      httpStatus: 403,
      context: { body: { error: { message: 'user action signature is missing or invalid' } } },
    });
    const error = toFetcherError(dfnsError);
    expect([error.code, error.status, error.serverMessage]).toEqual([
      'forbidden',
      403,
      'user action signature is missing or invalid',
    ]);
  });

  it('should be unknown for anything else', () => {
    expect(toFetcherError(new Error('?')).code).toBe('unknown');
  });
});
