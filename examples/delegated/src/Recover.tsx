import { describeError } from '@credkit/core';
import { useRecoverAccount } from '@credkit/react';
import { type FormEvent, useState } from 'react';
import { post } from './api.ts';
import { rp } from './rp.ts';

const STATUS: Record<string, string> = {
  challenge: 'Checking who you are…',
  ceremony: 'Follow your browser’s prompt to create your new passkey…',
  signing: 'Opening your recovery key…',
  submitting: 'Recovering your account…',
};

/**
 * Lost every passkey: the person proves who they are to the app (here, its password), its server asks
 * Dfns for a delegated recovery, and the browser opens the recovery key with the recovery code to sign
 * a new passkey. The server completes; every old credential and Dfns token of the user ends.
 */
export function Recover() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [credentialId, setCredentialId] = useState('');
  const [recoveryCode, setRecoveryCode] = useState('');
  const { phase, isBusy, recover, result, error } = useRecoverAccount({
    rp,
    // Told the recovery key's ID as the kit will use it (trimmed).
    challengeSource: ({ credentialId, signal }) => post('/recovery', { username, password, credentialId }, signal),
    completion: (body, { signal }) => post('/recovery/complete', body, signal),
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    recover({ credentialId: credentialId.trim(), recoveryCode, credentialName: 'Passkey after recovery' });
  };
  return (
    <section aria-labelledby="recover-heading">
      <h2 id="recover-heading">Recover your account</h2>
      <form onSubmit={onSubmit} aria-busy={isBusy}>
        <label htmlFor="recover-username">Username</label>
        <input
          id="recover-username"
          type="email"
          autoComplete="username"
          required
          value={username}
          onChange={(event) => setUsername(event.target.value)}
          disabled={isBusy}
        />
        <label htmlFor="recover-password">Password</label>
        <input
          id="recover-password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          disabled={isBusy}
        />
        <label htmlFor="recover-key-id">Recovery key ID</label>
        <input
          id="recover-key-id"
          required
          value={credentialId}
          onChange={(event) => setCredentialId(event.target.value)}
          disabled={isBusy}
        />
        <label htmlFor="recover-code">Recovery code</label>
        <input
          id="recover-code"
          required
          autoComplete="off"
          value={recoveryCode}
          onChange={(event) => setRecoveryCode(event.target.value)}
          disabled={isBusy}
        />
        <button type="submit" disabled={isBusy}>
          Recover with a new passkey
        </button>
        <p role="status">
          {result
            ? `Recovered: your new passkey is “${result.credential.name}”. Sign in again.`
            : (STATUS[phase] ?? '')}
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
