import type { AccountNudge } from '@credkit/core';
import { createFetcher } from '@credkit/core';
import { AccountNudges, useCredentials } from '@credkit/react';

const fetcher = createFetcher({ baseUrl: 'https://api.dfns.io' });

/** After sign-in: what the account lacks, each with its action and "Not now". */
export function SaferAccount({
  userId,
  signedInWithPasskeyHere,
  open,
}: {
  userId: string;
  /** How the person signed in: `false` after a login code, a key or a passkey on another device. */
  signedInWithPasskeyHere: boolean;
  /** Your screens: the recovery-key form, a code for another device, a passkey here. */
  open: (nudge: AccountNudge) => void;
}) {
  const credentials = useCredentials(fetcher);
  return (
    <AccountNudges
      credentials={credentials.data}
      passkeyOnThisDevice={signedInWithPasskeyHere}
      // One "not now" per account on a shared browser; `storage` takes your own store instead of localStorage.
      storageKey={`nudges:${userId}`}
      onAction={open}
    />
  );
}
