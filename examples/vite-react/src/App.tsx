import { createFetcher } from '@credkit/core';
import { RegisterCredential } from '@credkit/react';
import '@credkit/react/styles.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';

const queryClient = new QueryClient();
// The mock's seeded user; against Dfns: its base URL and your user's token.
const fetcher = createFetcher({
  baseUrl: import.meta.env.VITE_DFNS_API_URL ?? 'http://localhost:8787',
  headers: { Authorization: 'Bearer demo-token' },
});

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RegisterCredential fetcher={fetcher} rp={{ id: 'localhost', name: 'My app' }} />
    </QueryClientProvider>
  );
}
