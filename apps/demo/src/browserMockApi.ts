// The static build's mock API: @credkit/mock-backend's handler, in this page, behind the demo's
// Service Worker (public/mock-api-sw.js). Two backends, as `pnpm demo` runs on :8787 and :8788.
import { createMockHandler, type MockHandler } from '@credkit/mock-backend/handler';
import type { BrowserMockBackend } from './mockApi.ts';
import type { MockApiRequest, MockApiResponse } from './mockApiProtocol.ts';

/** The worker script (public/mock-api-sw.js), at the root of the site. */
const WORKER_URL = 'mock-api-sw.js';
const CONTROL_TIMEOUT_MS = 10_000;

function createBackends(): Record<BrowserMockBackend, MockHandler> {
  // The page's own origin and host name: what the browser puts in clientData and the RP id it uses.
  // The same org and token as the page expects (config.ts), as `pnpm demo` configures its mocks.
  const options = {
    origins: [window.location.origin],
    rpId: window.location.hostname,
    orgId: import.meta.env.VITE_CREDKIT_ORG_ID,
    token: import.meta.env.VITE_CREDKIT_TOKEN,
  };
  return {
    full: createMockHandler({ ...options, userActionSigning: 'required' }),
    embed: createMockHandler({ ...options, userActionSigning: 'off' }),
  };
}

async function answer(backends: Record<BrowserMockBackend, MockHandler>, request: MockApiRequest) {
  const [, name = '', rest = ''] = /^([^/?]*)(.*)$/.exec(request.path) ?? [];
  if (name !== 'full' && name !== 'embed') {
    return Response.json({ error: { message: `No in-browser mock API named "${name}"` } }, { status: 404 });
  }
  // The mock's routes are the Dfns paths: `/auth/…` on the page's origin.
  return backends[name](
    new Request(new URL(rest.startsWith('/') ? rest : `/${rest}`, window.location.origin), {
      method: request.method,
      headers: request.headers,
      body: request.body,
    }),
  );
}

function listen(backends: Record<BrowserMockBackend, MockHandler>) {
  navigator.serviceWorker.addEventListener('message', (event: MessageEvent) => {
    const request = event.data as MockApiRequest | undefined;
    const port = event.ports[0];
    if (request?.type !== 'credkit-mock-api-request' || !port) return;
    answer(backends, request)
      .catch((error: unknown) =>
        Response.json({ error: { message: `In-browser mock API: ${String(error)}` } }, { status: 500 }),
      )
      .then(async (response) => {
        const reply: MockApiResponse = {
          status: response.status,
          statusText: response.statusText,
          headers: [...response.headers],
          body: await response.arrayBuffer(),
        };
        port.postMessage(reply, [reply.body]);
      });
  });
  // Messages wait in a queue until this (or the end of parsing): the worker may forward a request early.
  navigator.serviceWorker.startMessages();
}

/** Resolves once a Service Worker controls this page (on a first load, once it has claimed it). */
async function controlled(registration: ServiceWorkerRegistration): Promise<void> {
  if (navigator.serviceWorker.controller) return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(new Error(`the Service Worker did not take control of the page within ${CONTROL_TIMEOUT_MS / 1000} s`)),
      CONTROL_TIMEOUT_MS,
    );
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    navigator.serviceWorker.addEventListener('controllerchange', done, { once: true });
    if (navigator.serviceWorker.controller) done();
    // A hard reload (Shift+Reload) loads the page uncontrolled though the worker is active: ask it.
    void navigator.serviceWorker.ready.then((ready) => ready.active?.postMessage('claim'));
    registration.active?.postMessage('claim');
  });
}

/**
 * Starts the mock API in this page and resolves once requests to {@link browserMockApiUrl} reach it:
 * registers the Service Worker and waits until it controls the page. Rejects, saying why, where
 * Service Workers are unavailable (an insecure origin, some private windows, a policy).
 */
export async function startBrowserMockApi(): Promise<void> {
  if (!('serviceWorker' in navigator)) {
    throw new Error(
      window.isSecureContext
        ? 'this browser offers no Service Workers here (a private window or a policy may turn them off)'
        : 'Service Workers need a secure context: open the demo over https or on localhost',
    );
  }
  listen(createBackends());
  const registration = await navigator.serviceWorker.register(new URL(WORKER_URL, document.baseURI));
  await controlled(registration);
}
