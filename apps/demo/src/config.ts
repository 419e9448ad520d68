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

// Test knobs, read from the URL: `?timeout=1500&grace=500` shortens the ceremony timeout and the watchdog.
const params = new URLSearchParams(window.location.search);
const positive = (value: string | null) => (value && Number(value) > 0 ? Number(value) : undefined);

/** The ceremony timeout: `?timeout=` or credkit's default (60 s). */
export const ceremonyTimeout = positive(params.get('timeout'));
/** The watchdog grace after the timeout: `?grace=` or credkit's default (3 s). */
export const watchdogGraceMs = positive(params.get('grace'));
