import { createFetcher, createWebAuthnUserActionSigner } from '@credkit/core';
import { CredentialList } from '@credkit/react';
import { getUserToken, rp } from './host.ts';

const fetcher = createFetcher({
  baseUrl: 'https://api.dfns.io',
  headers: async () => ({ Authorization: `Bearer ${await getUserToken()}` }),
});
// Each Deactivate / Activate is confirmed with one of the user's passkeys (Dfns user-action signing).
const userActionSigner = createWebAuthnUserActionSigner({ rpId: rp.id });

export function SecuritySettings() {
  return (
    <CredentialList
      fetcher={fetcher}
      userActionSigner={userActionSigner}
      onActiveChange={(credential, active) => console.log(credential.name, active ? 'activated' : 'deactivated')}
    />
  );
}
