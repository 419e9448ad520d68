import { createFetcher } from '@credkit/core';
import { usePasswordProtectedKeyLogin } from '@credkit/react';
import { orgId, saveToken } from './host.ts';

const fetcher = createFetcher({ baseUrl: 'https://api.dfns.io' });

type Typed = { username: string; loginCode: string; password: string };

// POST /auth/login/code → (the e-mail) → POST /auth/login/init with the code → the key, opened
// with the password in the page → POST /auth/login → the token.
export function PasswordKeySignIn({ typed }: { typed: Typed }) {
  const { sendCode, codeStatus, signIn, isBusy, error } = usePasswordProtectedKeyLogin({
    fetcher,
    orgId,
    onSignedIn: ({ token }) => saveToken(token),
  });
  return (
    <>
      <button type="button" onClick={() => sendCode(typed.username)}>
        Send me a code
      </button>
      {codeStatus === 'sent' ? <p role="status">We e-mailed you a code.</p> : null}
      <button type="button" disabled={isBusy} onClick={() => signIn(typed)}>
        Sign in with the key
      </button>
      {/* `login-code-required`: send a new code. `wrong-password`: nothing was sent; the code is spent. */}
      {error ? <p role="alert">{error.message}</p> : null}
    </>
  );
}
