import { describeError } from '@credkit/core';
import { usePasskeyLogin } from '@credkit/react';
import { type FormEvent, useState } from 'react';
import { ceremony, fetcher, orgId, rp } from './config.ts';

const STATUS: Record<string, string> = {
  challenge: 'Preparing the sign-in…',
  signing: 'Confirm with your passkey in the browser’s prompt…',
  submitting: 'Signing you in…',
};

/** Sign-in with a passkey (`usePasskeyLogin`); without a username, any passkey of this site may answer. */
export function SignIn({ onSignedIn }: { onSignedIn: (token: string) => void }) {
  const [username, setUsername] = useState('');
  const { phase, isBusy, signIn, error } = usePasskeyLogin({
    fetcher,
    orgId,
    rpId: rp.id,
    ceremony,
    onSignedIn: (login) => onSignedIn(login.token),
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    signIn(username.trim() || undefined);
  };

  return (
    <section aria-labelledby="signin-heading">
      <h2 id="signin-heading">Sign in</h2>
      <form className="signup" onSubmit={onSubmit} aria-busy={isBusy}>
        <label htmlFor="signin-username">Username (optional)</label>
        <input
          id="signin-username"
          type="email"
          autoComplete="username webauthn"
          value={username}
          onChange={(event) => setUsername(event.target.value)}
          disabled={isBusy}
          aria-describedby="signin-username-hint"
        />
        <small id="signin-username-hint">Leave it empty to pick any passkey of this site.</small>
        <button type="submit" disabled={isBusy}>
          Sign in with a passkey
        </button>
        <p role="status" aria-live="polite">
          {STATUS[phase] ?? ''}
        </p>
        {phase === 'error' && error ? (
          <p role="alert" data-code={error.code}>
            {describeError(error)}
          </p>
        ) : null}
      </form>
    </section>
  );
}
