import { describeError } from '@credkit/core';
import { useRegisterUser } from '@credkit/react';
import { type FormEvent, useState } from 'react';
import { ceremony, fetcher, orgId, rp } from './config.ts';

const STATUS: Record<string, string> = {
  challenge: 'Preparing your account…',
  ceremony: 'Follow your browser’s prompt to create your first passkey…',
  submitting: 'Creating your account…',
};

/** Sign-up: a username, then the first passkey (`useRegisterUser`); the token signs the person in. */
export function SignUp({ onSignedUp }: { onSignedUp: (token: string) => void }) {
  const [username, setUsername] = useState('');
  const [registrationCode, setRegistrationCode] = useState('000000');
  const { phase, isBusy, register, error } = useRegisterUser({
    fetcher,
    orgId,
    rp,
    ceremony,
    // The kit completes the sign-up here, so Dfns's answer carries the token.
    onRegistered: ({ token }) => token && onSignedUp(token),
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    register({ username: username.trim(), registrationCode, credentialName: 'First passkey' });
  };

  return (
    <section aria-labelledby="signup-heading">
      <h2 id="signup-heading">Sign up</h2>
      <form className="signup" onSubmit={onSubmit} aria-busy={isBusy}>
        <label htmlFor="signup-username">Username</label>
        <input
          id="signup-username"
          type="email"
          autoComplete="username webauthn"
          required
          value={username}
          onChange={(event) => setUsername(event.target.value)}
          disabled={isBusy}
        />
        <label htmlFor="signup-code">Registration code</label>
        <input
          id="signup-code"
          required
          value={registrationCode}
          onChange={(event) => setRegistrationCode(event.target.value)}
          disabled={isBusy}
          aria-describedby="signup-code-hint"
        />
        <small id="signup-code-hint">The mock backend accepts any code.</small>
        <button type="submit" disabled={isBusy}>
          Sign up with a passkey
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
