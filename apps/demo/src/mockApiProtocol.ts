// What the demo's Service Worker and its page say to each other, for the mock API in the browser.
// Types only: the worker (public/mock-api-sw.js) is plain JavaScript that checks against them.

/** A request the worker caught under `<base>mock-api/`, passed to the page that made it. */
export interface MockApiRequest {
  type: 'credkit-mock-api-request';
  /** The path after `<base>mock-api/`, with the query: `full/auth/credentials?x=1`. */
  path: string;
  method: string;
  headers: [string, string][];
  body: ArrayBuffer | null;
}

/** The page's answer, sent back on the request's MessagePort. */
export interface MockApiResponse {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: ArrayBuffer;
}
