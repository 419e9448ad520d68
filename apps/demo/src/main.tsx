import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { MockApiUnavailable } from './MockApiUnavailable.tsx';
import { mockInBrowser } from './mockApi.ts';
import '@credkit/react/styles.css';
import './demo.css';

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });
const element = document.getElementById('root');
if (!element) throw new Error('#root is missing from index.html');
const root = createRoot(element);

// The static build answers API calls in this page, behind a Service Worker: nothing that fetches
// renders until the worker controls the page.
const ready = mockInBrowser
  ? import('./browserMockApi.ts').then(({ startBrowserMockApi }) => startBrowserMockApi())
  : Promise.resolve();

ready.then(
  () =>
    root.render(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <App />
        </QueryClientProvider>
      </StrictMode>,
    ),
  (error: unknown) =>
    root.render(<MockApiUnavailable reason={error instanceof Error ? error.message : String(error)} />),
);
