import { createFetcher } from '@credkit/core';
import { RegisterWithCode } from '@credkit/react';
import { rp } from './host.ts';

// No session on this device: the code is the proof, so no Authorization header.
const fetcher = createFetcher({ baseUrl: 'https://api.dfns.io' });

// The page the QR code links to: https://app.example.com/add-passkey?code=…
export function AddPasskeyPage({ searchParams }: { searchParams: URLSearchParams }) {
  return (
    <RegisterWithCode
      fetcher={fetcher}
      rp={rp}
      defaultCode={searchParams.get('code') ?? undefined}
      defaultCredentialName="Phone"
      onRegistered={(credential) => console.log('added', credential.credentialUuid)}
    />
  );
}
