// The latency bench's credkit page: `<RegisterCredential>` in a QueryClientProvider, challenge prefetched
// (the hook's default), the API at `?api=`, its React commits counted by a Profiler.
import { createFetcher, type Fetcher } from '@credkit/core';
import { RegisterCredential } from '@credkit/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Profiler } from 'react';
import { createRoot } from 'react-dom/client';
import './benchMarks.ts';

const api = new URLSearchParams(window.location.search).get('api') ?? '';
const http = createFetcher({ baseUrl: api, headers: { Authorization: 'Bearer demo-token' } });
// Ready when every request has been answered and the newest one was the prefetched challenge.
let inFlight = 0;
let lastAnsweredPath = '';
const fetcher: Fetcher = async (request) => {
  inFlight += 1;
  try {
    return await http(request);
  } finally {
    inFlight -= 1;
    lastAnsweredPath = request.path;
  }
};
const queryClient = new QueryClient();

window.__benchReady = () =>
  inFlight === 0 &&
  lastAnsweredPath === '/auth/credentials/init' &&
  root?.querySelector('[data-credkit="register-credential"]')?.getAttribute('aria-busy') !== 'true';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing');
createRoot(root).render(
  <QueryClientProvider client={queryClient}>
    <Profiler
      id="register-credential"
      onRender={(_id, _phase, duration) => {
        const phase = root.querySelector('[data-credkit="register-credential"]')?.getAttribute('data-state') ?? '?';
        window.__bench.commits.push({ at: performance.now(), phase, duration });
      }}
    >
      <RegisterCredential fetcher={fetcher} rp={{ id: window.location.hostname, name: 'credkit bench' }} />
    </Profiler>
  </QueryClientProvider>,
);
