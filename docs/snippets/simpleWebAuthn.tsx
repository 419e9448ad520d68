import { createFetcher } from '@credkit/core';
import { createSimpleWebAuthnUserActionSigner, simpleWebAuthnCeremony } from '@credkit/core/simplewebauthn';
import { RegisterCredential } from '@credkit/react';
import { getUserToken } from './host.ts';

const fetcher = createFetcher({
  baseUrl: 'https://api.dfns.io',
  headers: async () => ({ Authorization: `Bearer ${await getUserToken()}` }),
});

// Confirms each new credential with an existing passkey, through startAuthentication.
const userActionSigner = createSimpleWebAuthnUserActionSigner({ rpId: 'app.example.com' });

export function AddPasskey() {
  return (
    <RegisterCredential
      fetcher={fetcher}
      rp={{ id: 'app.example.com', name: 'Example' }}
      ceremony={simpleWebAuthnCeremony}
      userActionSigner={userActionSigner}
    />
  );
}
