'use client';
// app/passkeys/AddPasskey.tsx: a client component. @credkit/react is marked 'use client' itself and
// touches no window or navigator while rendering on the server (capabilities are 'unknown' there).
import { createFetcher } from '@credkit/core';
import { RegisterCredential } from '@credkit/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';

export function AddPasskey({ token }: { token: string }) {
  const [queryClient] = useState(() => new QueryClient());
  const [fetcher] = useState(() =>
    createFetcher({ baseUrl: 'https://api.dfns.io', headers: { Authorization: `Bearer ${token}` } }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <RegisterCredential fetcher={fetcher} rp={{ id: 'app.example.com', name: 'Example' }} />
    </QueryClientProvider>
  );
}
