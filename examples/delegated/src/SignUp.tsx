import { describeError } from '@credkit/core';
import { generateRecoveryCode } from '@credkit/core/keys';
import { useRegisterUser } from '@credkit/react';
import { type FormEvent, useState } from 'react';
import { post } from './api.ts';
import { rp } from './rp.ts';

const STATUS: Record<string, string> = {
  challenge: 'Creating your account…',
  ceremony: 'Follow your browser’s prompt to create your passkey…',
  submitting: 'Saving your passkey and recovery key…',
};

/**
 * Sign-up: the app's account (username, password), then its server's delegated registration at Dfns.
 * The browser makes the passkey and the recovery key for that challenge and hands the signed
 * credentials back to the server, which completes the registration and keeps the user's token.
 */
export function SignUp({ onSignedUp }: { onSignedUp: () => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  // Shown before the request: the person keeps it with the recovery key's ID, shown after.
  const [recoveryCode] = useState(generateRecoveryCode);
  const [saved, setSaved] = useState(false);
  const { phase, isBusy, register, registration, error } = useRegisterUser({
    rp,
    challengeSource: ({ signal }) => post('/signup', { username: username.trim(), password }, signal),
    completion: (body, { signal }) => post('/registration', body, signal),
  });

  if (registration) {
    return (
      <section aria-labelledby="signup-heading">
        <h2 id="signup-heading">Welcome, {registration.user.username}</h2>
        <p>Keep your recovery key’s ID with its code: recovery asks for both.</p>
        <dl>
          <dt>Recovery key ID</dt>
          <dd data-testid="recovery-key-id">{registration.recoveryKey?.credentialId}</dd>
          <dt>Recovery code</dt>
          <dd data-testid="recovery-code">{recoveryCode}</dd>
        </dl>
        <button type="button" onClick={onSignedUp}>
          Continue
        </button>
      </section>
    );
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    register({ credentialName: 'First passkey', recoveryKey: { recoveryCode } });
  };
  return (
    <section aria-labelledby="signup-heading">
      <h2 id="signup-heading">Sign up</h2>
      <form onSubmit={onSubmit} aria-busy={isBusy}>
        <label htmlFor="signup-username">Username</label>
        <input
          id="signup-username"
          type="email"
          autoComplete="username"
          required
          value={username}
          onChange={(event) => setUsername(event.target.value)}
          disabled={isBusy}
        />
        <label htmlFor="signup-password">Password</label>
        <input
          id="signup-password"
          type="password"
          autoComplete="new-password"
          minLength={8}
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          disabled={isBusy}
        />
        <p>
          Your recovery code: <code data-testid="new-recovery-code">{recoveryCode}</code>
        </p>
        <label>
          <input
            type="checkbox"
            required
            checked={saved}
            onChange={(event) => setSaved(event.target.checked)}
            disabled={isBusy}
          />
          I have saved my recovery code
        </label>
        <button type="submit" disabled={isBusy}>
          Sign up with a passkey
        </button>
        <p role="status">{STATUS[phase] ?? ''}</p>
        {phase === 'error' && error ? (
          <p role="alert" data-code={error.code}>
            {describeError(error)}
          </p>
        ) : null}
      </form>
    </section>
  );
}
