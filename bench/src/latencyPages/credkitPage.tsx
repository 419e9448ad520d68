// The latency bench's credkit page: `<RegisterCredential>` in a QueryClientProvider, challenge prefetched
// (the hook's default), the API at `?api=`, its React commits counted by a Profiler.
import { createFetcher } from '@credkit/core';
import { challengeQueryKeyPrefix, RegisterCredential } from '@credkit/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Profiler } from 'react';
import { createRoot } from 'react-dom/client';
import './benchMarks.ts';

const api = new URLSearchParams(window.location.search).get('api') ?? '';
const fetcher = createFetcher({ baseUrl: api, headers: { Authorization: 'Bearer demo-token' } });
const queryClient = new QueryClient();

window.__benchReady = () =>
  queryClient.isFetching() === 0 &&
  queryClient.isMutating() === 0 &&
  queryClient.getQueryCache().find({ queryKey: challengeQueryKeyPrefix, exact: false })?.state.status === 'success';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing');
createRoot(root).render(
  <QueryClientProvider client={queryClient}>
    <Profiler
      id="register-credential"
      onRender={(_id, _phase, duration) => {
        const phase = root.querySelector('[data-phase]')?.getAttribute('data-phase') ?? '?';
        window.__bench.commits.push({ at: performance.now(), phase, duration });
      }}
    >
      <RegisterCredential fetcher={fetcher} rp={{ id: window.location.hostname, name: 'credkit bench' }} />
    </Profiler>
  </QueryClientProvider>,
);
