import { createFetcher, createWebAuthnUserActionSigner } from '@credkit/core';
import { CredentialCode } from '@credkit/react';
import { getUserToken, rp } from './host.ts';

const fetcher = createFetcher({
  baseUrl: 'https://api.dfns.io',
  headers: async () => ({ Authorization: `Bearer ${await getUserToken()}` }),
});
// Making a code is a change: Dfns wants it confirmed with one of the user's passkeys.
const userActionSigner = createWebAuthnUserActionSigner({ rpId: rp.id });

export function AddPasskeyElsewhere() {
  return (
    <CredentialCode
      fetcher={fetcher}
      userActionSigner={userActionSigner}
      linkFor={(code) => `https://app.example.com/add-passkey?code=${encodeURIComponent(code)}`}
      onIssued={(code) => console.log('code valid until', code.expiration)}
    />
  );
}
