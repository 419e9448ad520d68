import type { AccountNudge } from '@credkit/core';
import { AccountNudges, useCredentials } from '@credkit/react';
import { ceremony, fetcher, rp, userActionSigner } from './config.ts';

/**
 * The signed-in home's nudges: what the account lacks, from its credential list. `passkeyOnThisDevice`
 * is `false` after a sign-in that used no passkey here (a password-protected key, a passkey on a
 * security key or a phone), until a passkey is registered on this page. "Add a passkey here" first
 * tries the automatic upgrade (`upgrade`: conditional create, where the browser has it); its action
 * is the ordinary registration form.
 */
export function SaferAccount({
  onAction,
  onUpgraded,
  passkeyOnThisDevice,
}: {
  onAction: (nudge: AccountNudge) => void;
  /** The password manager made a passkey here (the automatic upgrade). */
  onUpgraded: () => void;
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
      // Dfns confirms the new passkey with an existing credential: a prompt after the silent creation.
      upgrade={{ fetcher, rp, ceremony, userActionSigner, onRegistered: onUpgraded }}
    />
  );
}
