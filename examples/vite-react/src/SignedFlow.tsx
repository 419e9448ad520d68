import { createFetcher, createWebAuthnUserActionSigner } from '@credkit/core';
import { CredentialList, RegisterCredential, useRegisterUser } from '@credkit/react';
import { useMemo, useState } from 'react';
import { apiUrl, orgId, rp } from './config.ts';

// Confirms each change (a new credential, a deactivation) with one of the user's passkeys.
const userActionSigner = createWebAuthnUserActionSigner({ rpId: rp.id });
const signUpFetcher = createFetcher({ baseUrl: apiUrl });

/** Sign-up with a passkey, then the signed-in user's credentials: add one, deactivate one. */
export function SignedFlow() {
  const [username, setUsername] = useState('');
  const { register, isBusy, registration, error } = useRegisterUser({ fetcher: signUpFetcher, orgId, rp });
  const token = registration?.token;
  if (token) return <Account username={registration.user.username} token={token} />;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        register({ username, registrationCode: 'any' });
      }}
    >
      <label>
        Username{' '}
        <input
          type="email"
          required
          autoComplete="username"
          value={username}
          onChange={(event) => setUsername(event.target.value)}
        />
      </label>{' '}
      <button type="submit" disabled={isBusy}>
        Sign up with a passkey
      </button>
      {error && <p role="alert">{error.message}</p>}
    </form>
  );
}

function Account({ username, token }: { username: string; token: string }) {
  const fetcher = useMemo(
    () => createFetcher({ baseUrl: apiUrl, headers: { Authorization: `Bearer ${token}` } }),
    [token],
  );
  return (
    <>
      <p>Signed in as {username}.</p>
      <RegisterCredential fetcher={fetcher} rp={rp} userActionSigner={userActionSigner} />
      <CredentialList fetcher={fetcher} userActionSigner={userActionSigner} />
    </>
  );
}
