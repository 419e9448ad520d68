import { createFallbackUserActionSigner, createFetcher, createWebAuthnUserActionSigner } from '@credkit/core';
import { createPasswordProtectedKeyUserActionSigner } from '@credkit/core/keys';
import { RegisterCredential } from '@credkit/react';
import { askPassword, getUserToken, rp } from './host.ts';

const fetcher = createFetcher({
  baseUrl: 'https://api.dfns.io',
  headers: async () => ({ Authorization: `Bearer ${await getUserToken()}` }),
});

// The person signed in with a password-protected key: that key confirms their changes. Dfns sends its
// encryptedPrivateKey in the user-action challenge; the signer asks your dialog for the password (only
// then), opens the key in the page and signs. The password is neither sent nor kept.
const passwordKey = createPasswordProtectedKeyUserActionSigner({ password: askPassword });

// The key first, else one of their passkeys: a signer with no credential the challenge allows ends
// `no-signing-credential` before any prompt, and hands the challenge to the next.
const userActionSigner = createFallbackUserActionSigner([passwordKey, createWebAuthnUserActionSigner({ rpId: rp.id })]);

export function AddPasskeyHere() {
  return <RegisterCredential fetcher={fetcher} rp={rp} userActionSigner={userActionSigner} />;
}
