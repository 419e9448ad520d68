import { createFetcher } from '@credkit/core';

/**
 * The app's own API (examples/delegated/server), same origin: the session cookie goes along, and an
 * error answer becomes a CredkitError with the server's words, as with Dfns itself.
 */
export const api = createFetcher({ baseUrl: `${location.origin}/api` });

/** POSTs `body` to the app's API, aborted with `signal`. */
export function post(path: string, body: unknown, signal?: AbortSignal): Promise<unknown> {
  return api({ method: 'POST', path, body, signal });
}
