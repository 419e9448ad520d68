import { describeError } from '@credkit/core';
import { usePasskeyLogin } from '@credkit/react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ceremony, fetcher, orgId, rp } from './config.ts';
import { JourneySection } from './JourneySection.tsx';
import { PasswordKeySignIn } from './PasswordKeySignIn.tsx';

const STATUS: Record<string, string> = {
  challenge: 'Preparing the sign-in…',
  signing: 'Confirm with your passkey in the browser’s prompt…',
  submitting: 'Signing you in…',
};

const LEAD = 'A login challenge, answered by any passkey of this site (or the username’s), for a session token.';

/** Where the sign-in is: the passkey, or the password-protected key (with why, when the passkey sign-in sent the person there). */
type Way = { kind: 'passkey' } | { kind: 'password-key'; username: string; note?: string };

/**
 * Sign-in with a passkey (`usePasskeyLogin`); without a username, any passkey of this site may answer.
 * A user whose only credential is a password-protected key is taken to that sign-in, which asks for
 * the e-mailed code.
 */
export function SignIn({ onSignedIn }: { onSignedIn: (token: string) => void }) {
  const [username, setUsername] = useState('');
  const [way, setWay] = useState<Way>({ kind: 'passkey' });
  const section = useRef<HTMLDivElement>(null);
  // Back from the password-protected key: the button pressed is gone, so focus goes to the heading.
  const cameBack = useRef(false);
  useEffect(() => {
    if (way.kind === 'passkey' && cameBack.current) section.current?.querySelector<HTMLElement>('h2')?.focus();
    cameBack.current = way.kind === 'password-key';
  }, [way.kind]);
  const { phase, isBusy, signIn, error } = usePasskeyLogin({
    fetcher,
    orgId,
    rpId: rp.id,
    ceremony,
    onSignedIn: (login) => onSignedIn(login.token),
    onError: (failure) => {
      if (failure.code === 'login-code-required') {
        setWay({
          kind: 'password-key',
          username: username.trim(),
          note: 'Your account signs in with a password-protected key: we e-mail you a code to open it with.',
        });
      }
    },
  });

  if (way.kind === 'password-key') {
    return (
      <div ref={section}>
        <JourneySection view="sign-in" heading="Sign in">
          <PasswordKeySignIn defaultUsername={way.username} note={way.note} onSignedIn={onSignedIn} />
          <p>
            <button type="button" className="button" onClick={() => setWay({ kind: 'passkey' })}>
              Sign in with a passkey instead
            </button>
          </p>
        </JourneySection>
      </div>
    );
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    signIn(username.trim() || undefined);
  };

  return (
    <div ref={section}>
      <JourneySection view="sign-in" heading="Sign in" lead={LEAD}>
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
        <p>
          <button
            type="button"
            className="button"
            onClick={() => setWay({ kind: 'password-key', username: username.trim() })}
          >
            Sign in with a password-protected key
          </button>
        </p>
      </JourneySection>
    </div>
  );
}
