// @ts-check
// The demo's Service Worker (used by the static build): it catches same-origin requests under
// `<scope>mock-api/` and hands each one, over a MessageChannel, to the page that made it, which
// answers with @credkit/mock-backend's handler (src/browserMockApi.ts). The worker holds no state:
// browsers stop idle workers and discard their memory, while the page lives as long as the demo is open.
// Plain JavaScript in public/, served as is at the root of the site (the worker's scope): a bundled
// worker would share chunks with the page, and a classic worker script cannot import them.

/** @typedef {import('../src/mockApiProtocol.ts').MockApiRequest} MockApiRequest */
/** @typedef {import('../src/mockApiProtocol.ts').MockApiResponse} MockApiResponse */

const worker = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));

/** Kept equal to `MOCK_API_PATH` in src/mockApi.ts. */
const MOCK_API_PATH = 'mock-api/';
/** How long the page may take to answer before the worker gives up with a 504. */
const ANSWER_TIMEOUT_MS = 15_000;

/**
 * @param {number} status
 * @param {string} message
 */
function dfnsError(status, message) {
  return new Response(JSON.stringify({ error: { message } }), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

/**
 * @param {FetchEvent} event
 * @param {string} path what follows `<scope>mock-api/`, with the query
 * @returns {Promise<Response>}
 */
async function forward(event, path) {
  const client = event.clientId ? await worker.clients.get(event.clientId) : undefined;
  if (!client) return dfnsError(503, 'The in-browser mock API answers only its own page: reload the demo.');
  const request = event.request;
  /** @type {MockApiRequest} */
  const message = {
    type: 'credkit-mock-api-request',
    path,
    method: request.method,
    headers: [...request.headers],
    body: request.method === 'GET' || request.method === 'HEAD' ? null : await request.arrayBuffer(),
  };
  const channel = new MessageChannel();
  /** @type {Promise<MockApiResponse | undefined>} */
  const answer = new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ANSWER_TIMEOUT_MS);
    channel.port1.onmessage = (reply) => {
      clearTimeout(timer);
      resolve(reply.data);
    };
  });
  client.postMessage(message, message.body ? [channel.port2, message.body] : [channel.port2]);
  const response = await answer;
  channel.port1.close();
  if (!response) return dfnsError(504, 'The page did not answer for the in-browser mock API: reload the demo.');
  const empty = response.status === 204 || response.status === 304;
  return new Response(empty ? null : response.body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

// A new version takes over at once, and a first load is controlled without a reload.
worker.addEventListener('install', () => {
  void worker.skipWaiting();
});
worker.addEventListener('activate', (event) => event.waitUntil(worker.clients.claim()));
// After a hard reload the page is not controlled though this worker is active: the page asks.
worker.addEventListener('message', (event) => {
  if (event.data === 'claim') event.waitUntil(worker.clients.claim());
});

worker.addEventListener('fetch', (event) => {
  const prefix = new URL(MOCK_API_PATH, worker.registration.scope).href;
  if (event.request.url.startsWith(prefix)) event.respondWith(forward(event, event.request.url.slice(prefix.length)));
});
