import type { AccountNudge } from '@credkit/core';
import { AccountNudges, useCredentials } from '@credkit/react';
import { fetcher } from './config.ts';

/**
 * The signed-in home's nudges: what the account lacks, from its credential list. `passkeyOnThisDevice`
 * is `false` after a sign-in that used no passkey here (a password-protected key), until a passkey is
 * registered on this page; unknown otherwise, when "add a passkey here" is not offered.
 */
export function SaferAccount({
  onAction,
  passkeyOnThisDevice,
}: {
  onAction: (nudge: AccountNudge) => void;
  passkeyOnThisDevice: boolean | undefined;
}) {
  const credentials = useCredentials(fetcher);
  return (
    <AccountNudges
      className="subsection nudges"
      classNames={{ action: 'button', notNow: 'button' }}
      credentials={credentials.data}
      passkeyOnThisDevice={passkeyOnThisDevice}
      onAction={onAction}
    />
  );
}
