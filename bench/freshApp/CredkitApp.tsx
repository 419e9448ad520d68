// The fresh app of `pnpm bench` (bench/src/freshApp.ts) with credkit: a host page that registers passkeys
// with `<RegisterCredential>`, Fido2 only, as the README shows it. Built from the packed packages.
import { createFetcher } from '@credkit/core';
import { RegisterCredential } from '@credkit/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

const queryClient = new QueryClient();
const fetcher = createFetcher({ baseUrl: '/api', headers: { Authorization: 'Bearer token' } });

function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <h1>Security</h1>
      <RegisterCredential fetcher={fetcher} rp={{ id: 'localhost', name: 'x' }} />
    </QueryClientProvider>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
