import { createFetcher, createWebAuthnUserActionSigner } from '@credkit/core';
import { RegisterCredential, useRegisterUser } from '@credkit/react';
import { orgId, registrationCode, rp, saveToken } from './host.ts';

const fetcher = createFetcher({ baseUrl: 'https://api.dfns.io' });

// Sign-up: POST /auth/registration/init → passkey → POST /auth/registration/enduser (temporary token).
export function SignUp() {
  const { register, isBusy } = useRegisterUser({
    fetcher,
    orgId,
    rp,
    onRegistered: ({ token }) => token && saveToken(token),
  });
  return (
    <button type="button" disabled={isBusy} onClick={() => register({ username: 'ada@example.com', registrationCode })}>
      Sign up with a passkey
    </button>
  );
}

// Adding a credential later: the component confirms it with an existing passkey first.
export function AddCredential() {
  return (
    <RegisterCredential fetcher={fetcher} rp={rp} userActionSigner={createWebAuthnUserActionSigner({ rpId: rp.id })} />
  );
}
