import type { AccountNudge, LoginResult } from '@credkit/core';
import { createFetcher, createWebAuthnUserActionSigner } from '@credkit/core';
import { AccountNudges, useCredentials } from '@credkit/react';
import { rp } from './host.ts';

const fetcher = createFetcher({ baseUrl: 'https://api.dfns.io' });

/**
 * Whether this browser holds a passkey of the account, from how the person signed in: a passkey
 * sign-in says where its passkey was (`cross-platform`: a security key or a phone); a login code or a
 * password-protected key used none here.
 */
export function passkeyOnThisDevice(passkeyLogin: LoginResult | undefined): boolean | undefined {
  if (!passkeyLogin) return false;
  const { authenticatorAttachment } = passkeyLogin;
  return authenticatorAttachment === undefined ? undefined : authenticatorAttachment === 'platform';
}

/** After sign-in: what the account lacks, each with its action and "Not now". */
export function SaferAccount({
  userId,
  passkeyLogin,
  open,
}: {
  userId: string;
  /** The passkey sign-in's result (`usePasskeyLogin`'s `onSignedIn`); `undefined` after another sign-in. */
  passkeyLogin: LoginResult | undefined;
  /** Your screens: the recovery-key form, a code for another device, a passkey here. */
  open: (nudge: AccountNudge) => void;
}) {
  const credentials = useCredentials(fetcher);
  return (
    <AccountNudges
      credentials={credentials.data}
      passkeyOnThisDevice={passkeyOnThisDevice(passkeyLogin)}
      // One "not now" per account on a shared browser; `storage` takes your own store instead of localStorage.
      storageKey={`nudges:${userId}`}
      onAction={open}
      // "Add a passkey here" first asks the password manager, without a prompt (conditional create).
      upgrade={{ fetcher, rp, userActionSigner: createWebAuthnUserActionSigner({ rpId: rp.id }) }}
    />
  );
}
