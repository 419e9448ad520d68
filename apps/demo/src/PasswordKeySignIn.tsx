import { describeError } from '@credkit/core';
import { usePasswordProtectedKeyLogin } from '@credkit/react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { fetcher, orgId } from './config.ts';

const STATUS: Record<string, string> = {
  challenge: 'Preparing the sign-in…',
  signing: 'Opening your key with the password…',
  submitting: 'Signing you in…',
};

const CODE_STATUS: Record<string, string> = { sending: 'Sending the code…', sent: 'We e-mailed you a code.' };

/**
 * Sign-in with a password-protected key (`usePasswordProtectedKeyLogin`): the username, "Send me a
 * code", then the code and the password. The server hands out the encrypted key only with the code;
 * the password opens it in the page and is never sent.
 */
export function PasswordKeySignIn({
  defaultUsername = '',
  note,
  onSignedIn,
}: {
  defaultUsername?: string;
  /** Why the person is here, when the passkey sign-in sent them. */
  note?: string;
  onSignedIn: (token: string) => void;
}) {
  const [username, setUsername] = useState(defaultUsername);
  const [loginCode, setLoginCode] = useState('');
  const [password, setPassword] = useState('');
  const usernameField = useRef<HTMLInputElement>(null);
  const sendButton = useRef<HTMLButtonElement>(null);
  const codeField = useRef<HTMLInputElement>(null);
  const { phase, isBusy, sendCode, codeStatus, codeError, signIn, error } = usePasswordProtectedKeyLogin({
    fetcher,
    orgId,
    onSignedIn: (login) => onSignedIn(login.token),
    // The password is not kept after an attempt; a spent code is of no more use either.
    onError: () => {
      setPassword('');
      setLoginCode('');
    },
  });
  // The person chose (or was sent to) this sign-in: focus goes where they continue (on arrival only).
  useEffect(() => (defaultUsername ? sendButton : usernameField).current?.focus(), []);
  // Once the code is on its way, the next thing to type is the code.
  useEffect(() => {
    if (codeStatus === 'sent') codeField.current?.focus();
  }, [codeStatus]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    signIn({ username: username.trim(), loginCode, password });
  };

  const status = STATUS[phase] ?? CODE_STATUS[codeStatus] ?? '';
  const problem = (phase === 'error' && error) || codeError;
  return (
    <section aria-labelledby="ppk-heading">
      <h3 id="ppk-heading">Sign in with a password-protected key</h3>
      {note ? <p id="ppk-note">{note}</p> : null}
      <form className="signup" onSubmit={onSubmit} aria-busy={isBusy}>
        <label htmlFor="ppk-username">Username</label>
        <input
          id="ppk-username"
          ref={usernameField}
          type="email"
          autoComplete="username"
          required
          value={username}
          onChange={(event) => setUsername(event.target.value)}
          disabled={isBusy}
        />
        <button
          type="button"
          ref={sendButton}
          // Focus lands here when the passkey sign-in sent the person: the note says why.
          aria-describedby={note ? 'ppk-note' : undefined}
          onClick={() => sendCode(username.trim())}
          disabled={isBusy || codeStatus === 'sending' || username.trim() === ''}
        >
          Send me a code
        </button>
        <label htmlFor="ppk-code">Code from the e-mail</label>
        <input
          id="ppk-code"
          ref={codeField}
          autoComplete="one-time-code"
          required
          value={loginCode}
          onChange={(event) => setLoginCode(event.target.value)}
          disabled={isBusy}
          aria-describedby="ppk-code-hint"
        />
        <small id="ppk-code-hint">
          The mock backend sends no e-mail: it prints the code in its console and answers{' '}
          <code>GET /mock/login-codes?username=…</code>. A code works once.
        </small>
        <label htmlFor="ppk-password">Password of the key</label>
        <input
          id="ppk-password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          disabled={isBusy}
        />
        <button type="submit" disabled={isBusy}>
          Sign in with the key
        </button>
        <p role="status" aria-live="polite">
          {status}
        </p>
        {problem ? (
          <p role="alert" data-code={problem.code}>
            {describeError(problem)}
            {problem === error && error.phase === 'challenge' ? ' Send a new code, then try again.' : ''}
          </p>
        ) : null}
      </form>
    </section>
  );
}
