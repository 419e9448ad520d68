import { createFetcher, createWebAuthnUserActionSigner } from '@credkit/core';
import { RegisterCredential } from '@credkit/react';
import '@credkit/react/styles.css'; // optional: every component is unstyled without it
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';

const queryClient = new QueryClient();
// Your HTTP client: the base URL and the auth headers are yours (here a Dfns user token your app holds).
const fetcher = createFetcher({
  baseUrl: 'https://api.dfns.io',
  headers: () => ({ Authorization: `Bearer ${sessionStorage.getItem('dfns-token')}` }),
});
const rp = { id: 'app.example.com', name: 'Example' };

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RegisterCredential
        fetcher={fetcher}
        rp={rp}
        // Dfns has an existing passkey of the user confirm the change (user-action signing).
        userActionSigner={createWebAuthnUserActionSigner({ rpId: rp.id })}
        onRegistered={(credential) => console.log('registered', credential.credentialId)}
      />
    </QueryClientProvider>
  );
}
