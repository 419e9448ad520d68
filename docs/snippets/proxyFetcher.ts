import { createFetcher } from '@credkit/core';
import { readCsrfToken } from './host.ts';

export const fetcher = createFetcher({
  baseUrl: '/api/dfns', // your proxy: forwards /auth/credentials/init, /auth/credentials, …
  headers: () => ({ 'X-CSRF-Token': readCsrfToken() }),
  init: { credentials: 'include' }, // the session cookie
});
