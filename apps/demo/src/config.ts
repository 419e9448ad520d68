import { createFetcher } from '@credkit/core';

/** Where the demo finds the (mock) Dfns API, and with which token it calls it. */
export const apiBaseUrl = import.meta.env.VITE_CREDKIT_API_URL ?? 'http://localhost:8787';
export const apiToken = import.meta.env.VITE_CREDKIT_TOKEN ?? 'demo-token';

/** The host owns HTTP: base URL and the bearer token here; user-action signing would go here too. */
export const fetcher = createFetcher({
  baseUrl: apiBaseUrl,
  headers: { Authorization: `Bearer ${apiToken}` },
});

/** The relying party: this page's own host name, which the mock expects as RP id (MOCK_RP_ID). */
export const rp = { id: window.location.hostname, name: 'credkit demo' };
