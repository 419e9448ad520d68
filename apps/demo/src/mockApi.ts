// Where the demo's mock API runs. `pnpm demo` (Vite's dev server): two Node servers, :8787 and :8788.
// The static build (`VITE_CREDKIT_MOCK=browser`, set by .env.production): in the page, behind a
// Service Worker, under `<base>mock-api/full` and `<base>mock-api/embed` (src/browserMockApi.ts).

declare global {
  interface ImportMetaEnv {
    /** `browser`: the mock API runs in the page (the static build). Otherwise the Node mocks. */
    readonly VITE_CREDKIT_MOCK?: string;
  }
}

/** True in the static build: the mock API runs in this page, behind a Service Worker. */
export const mockInBrowser = import.meta.env.VITE_CREDKIT_MOCK === 'browser';

/** Where the Service Worker catches the mock API, under the site's base (kept equal in the worker). */
export const MOCK_API_PATH = 'mock-api/';

/** The two in-browser backends: the Dfns flow (user-action signing required) and the simple embed. */
export type BrowserMockBackend = 'full' | 'embed';

/** The base URL of an in-browser backend, e.g. `https://host/demo/mock-api/full`. */
export function browserMockApiUrl(backend: BrowserMockBackend): string {
  return new URL(`${MOCK_API_PATH}${backend}`, document.baseURI).href;
}

/** In-memory storage: the in-browser mock forgets everything on reload, so a saved token would be stale. */
function memoryStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

/** Where the signed-in user's token is kept: the browser session, or (mock in the page) the page's memory. */
export const tokenStorage = mockInBrowser ? memoryStorage() : window.sessionStorage;
