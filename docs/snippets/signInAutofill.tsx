import { createFetcher } from '@credkit/core';
import { usePasskeyAutofill, usePasskeyLogin } from '@credkit/react';
import { useState } from 'react';
import { orgId, rp, saveToken } from './host.ts';

const fetcher = createFetcher({ baseUrl: 'https://api.dfns.io' });

// Autofill sign-in: while this form is shown, the browser offers the site's passkeys in the username
// field's suggestions (a conditional get(), usernameless). The button still works: its prompt replaces
// the pending autofill request silently, which comes back if the button's sign-in fails.
export function SignInWithAutofill() {
  const [username, setUsername] = useState('');
  const options = { fetcher, orgId, rpId: rp.id, onSignedIn: ({ token }: { token: string }) => saveToken(token) };
  const autofill = usePasskeyAutofill(options);
  const { signIn, isBusy, error } = usePasskeyLogin(options);
  const shown = error ?? autofill.error;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        signIn(username.trim() || undefined);
      }}
    >
      <label htmlFor="username">Username</label>
      {/* `webauthn` in autocomplete is what lets the browser put passkeys in this field's suggestions. */}
      <input
        id="username"
        autoComplete="username webauthn"
        value={username}
        onChange={(event) => setUsername(event.target.value)}
      />
      <button type="submit" disabled={isBusy}>
        Sign in with a passkey
      </button>
      {shown ? <p role="alert">{shown.message}</p> : null}
    </form>
  );
}
