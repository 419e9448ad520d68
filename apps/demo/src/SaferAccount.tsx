import type { AccountNudge } from '@credkit/core';
import { AccountNudges, useCredentials } from '@credkit/react';
import { fetcher } from './config.ts';

/**
 * The signed-in home's nudges: what the account lacks, from its credential list. The demo's sign-in
 * does not say yet whether this browser holds a passkey of the account (`passkeyOnThisDevice` left
 * unknown), so "add a passkey here" is not offered; the other two are.
 */
export function SaferAccount({ onAction }: { onAction: (nudge: AccountNudge) => void }) {
  const credentials = useCredentials(fetcher);
  return (
    <AccountNudges
      className="subsection nudges"
      classNames={{ action: 'button', notNow: 'button' }}
      credentials={credentials.data}
      onAction={onAction}
    />
  );
}
