import { createFetcher, createWebAuthnUserActionSigner, userFromToken } from '@credkit/core';
import { CredentialList, RegisterCredential, SignIn, useRegisterUser } from '@credkit/react';
import { useMemo, useState } from 'react';
import { apiUrl, orgId, rp } from './config.ts';

// Confirms each change (a new credential, a deactivation) with one of the user's passkeys.
const userActionSigner = createWebAuthnUserActionSigner({ rpId: rp.id });
const signUpFetcher = createFetcher({ baseUrl: apiUrl });

/** Sign-up with a passkey, then the signed-in user's credentials: add one, deactivate one; sign out and back in. */
export function SignedFlow() {
  const [username, setUsername] = useState('');
  const [session, setSession] = useState<{ username: string | undefined; token: string } | null>(null);
  const [signedOut, setSignedOut] = useState(false);
  const { register, isBusy, error } = useRegisterUser({
    fetcher: signUpFetcher,
    orgId,
    rp,
    onRegistered: (registration) => {
      if (registration.token) setSession({ username: registration.user.username, token: registration.token });
    },
  });
  if (session) {
    return (
      <>
        <Account username={session.username} token={session.token} />
        <button
          type="button"
          onClick={() => {
            setSession(null);
            setSignedOut(true);
          }}
        >
          Sign out
        </button>
      </>
    );
  }
  if (signedOut) {
    // The passkeys are offered in the username field's autofill; the button signs in too.
    return (
      <SignIn
        fetcher={signUpFetcher}
        orgId={orgId}
        rpId={rp.id}
        // A usernameless sign-in: the token names the user where it has the claim (Dfns's do).
        onSignedIn={({ token }) => setSession({ username: userFromToken(token)?.username, token })}
      />
    );
  }
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

function Account({ username, token }: { username: string | undefined; token: string }) {
  const fetcher = useMemo(
    () => createFetcher({ baseUrl: apiUrl, headers: { Authorization: `Bearer ${token}` } }),
    [token],
  );
  return (
    <>
      <p>{username ? `Signed in as ${username}.` : 'Signed in.'}</p>
      <RegisterCredential fetcher={fetcher} rp={rp} userActionSigner={userActionSigner} />
      <CredentialList fetcher={fetcher} userActionSigner={userActionSigner} />
    </>
  );
}
