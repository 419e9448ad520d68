import { createFetcher } from '@credkit/core';
import { RecoverAccount } from '@credkit/react';
import { orgId, rp, saveToken } from './host.ts';

// No token: the person has lost every credential.
const fetcher = createFetcher({ baseUrl: 'https://api.dfns.io' });

export function LostPasskeys() {
  return (
    <RecoverAccount
      fetcher={fetcher}
      orgId={orgId}
      rp={rp}
      // Once recovered, sign in with the new passkey (Dfns's recovery answer has no token).
      signInAfter
      onSignedIn={(token) => saveToken(token)}
    />
  );
}
