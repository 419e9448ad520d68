import { createFetcher, createWebAuthnUserActionSigner } from '@credkit/core';
import { RegisterCredential } from '@credkit/react';
import { DfnsApiClient } from '@dfns/sdk';
import { WebAuthnSigner } from '@dfns/sdk-browser';

export function CredentialsPage({ orgId, authToken }: { orgId: string; authToken: string }) {
  const baseUrl = 'https://api.dfns.io';
  const relyingParty = { id: 'app.example.com', name: 'Example' };
  const dfns = new DfnsApiClient({ baseUrl, orgId, authToken, signer: new WebAuthnSigner({ relyingParty }) });
  const fetcher = createFetcher({ baseUrl, headers: { Authorization: `Bearer ${authToken}` } });
  return (
    <RegisterCredential
      fetcher={fetcher}
      rp={relyingParty}
      // or: withUserActionProtocol(new WebAuthnSigner({ relyingParty }))
      userActionSigner={createWebAuthnUserActionSigner({ rpId: relyingParty.id })}
      onRegistered={() => dfns.auth.listCredentials().then(({ items }) => console.log(items.length))}
    />
  );
}
