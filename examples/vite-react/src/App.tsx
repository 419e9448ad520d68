import { createFetcher } from '@credkit/core';
import { RegisterCredential } from '@credkit/react';
import '@credkit/react/styles.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { apiUrl, rp } from './config.ts';
import { SignedFlow } from './SignedFlow.tsx';

const queryClient = new QueryClient();
// The mock's seeded user; against Dfns: its base URL and your user's token.
const fetcher = createFetcher({ baseUrl: apiUrl, headers: { Authorization: 'Bearer demo-token' } });

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <main>
        <section aria-labelledby="quick-start">
          <h2 id="quick-start">Quick start</h2>
          <p>The README's example: the mock's seeded user, with user-action signing off.</p>
          <RegisterCredential fetcher={fetcher} rp={rp} />
        </section>
        <section aria-labelledby="dfns-flow">
          <h2 id="dfns-flow">As Dfns requires</h2>
          <p>Sign up with a passkey; every credential added later is confirmed with one you have.</p>
          <SignedFlow />
        </section>
      </main>
    </QueryClientProvider>
  );
}
