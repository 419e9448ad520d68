import { createFetcher } from '@credkit/core';
import { RegisterCredential } from '@credkit/react';
import { getUserToken } from './host.ts';

// Your HTTP client: base URL and auth headers are yours.
const fetcher = createFetcher({
  baseUrl: 'https://api.dfns.io',
  headers: async () => ({ Authorization: `Bearer ${await getUserToken()}` }),
});

export function AddPasskey() {
  return (
    <RegisterCredential
      fetcher={fetcher}
      rp={{ id: 'app.example.com', name: 'Example' }}
      onRegistered={(credential) => console.log('registered', credential.credentialId)}
      onError={(error) => console.warn(error.code, error.message)}
    />
  );
}
