import { createFetcher } from '@credkit/core';
import { usePasskeyLogin } from '@credkit/react';
import { orgId, rp, saveToken } from './host.ts';

const fetcher = createFetcher({ baseUrl: 'https://api.dfns.io' });

// Sign-in: POST /auth/login/init → navigator.credentials.get → POST /auth/login → the token.
export function SignIn({ username }: { username?: string }) {
  const { signIn, isBusy, error } = usePasskeyLogin({
    fetcher,
    orgId,
    rpId: rp.id,
    onSignedIn: ({ token }) => saveToken(token),
  });
  return (
    <>
      {/* Without a username, the browser offers every passkey of this site. */}
      <button type="button" disabled={isBusy} onClick={() => signIn(username)}>
        Sign in with a passkey
      </button>
      {error ? <p role="alert">{error.message}</p> : null}
    </>
  );
}
