'use client';
// app/passkeys/AddPasskey.tsx: a client component. @credkit/react is marked 'use client' itself and
// touches no window or navigator while rendering on the server (capabilities are 'unknown' there).
import { createFetcher, createWebAuthnUserActionSigner } from '@credkit/core';
import { RegisterCredential } from '@credkit/react';
import '@credkit/react/styles.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';

const userActionSigner = createWebAuthnUserActionSigner();

export function AddPasskey({ token }: { token: string }) {
  const [queryClient] = useState(() => new QueryClient());
  // Made here, in the client: a server component cannot pass a function (the fetcher) to a client one.
  const [fetcher] = useState(() =>
    createFetcher({ baseUrl: 'https://api.dfns.io', headers: { Authorization: `Bearer ${token}` } }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <RegisterCredential
        fetcher={fetcher}
        rp={{ id: 'app.example.com', name: 'Example' }}
        userActionSigner={userActionSigner}
      />
    </QueryClientProvider>
  );
}
