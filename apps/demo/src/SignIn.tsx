import { describeError } from '@credkit/core';
import { usePasskeyAutofill, usePasskeyLogin } from '@credkit/react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ceremony, fetcher, orgId, rp } from './config.ts';
import { JourneySection } from './JourneySection.tsx';
import { PasswordKeySignIn } from './PasswordKeySignIn.tsx';

const STATUS: Record<string, string> = {
  challenge: 'Preparing the sign-in…',
  signing: 'Confirm with your passkey in the browser’s prompt…',
  submitting: 'Signing you in…',
};

const AUTOFILL = new URLSearchParams(window.location.search).has('autofill');

const LEAD = 'A login challenge, answered by any passkey of this site (or the username’s), for a session token.';

/** Where the sign-in is: the passkey, or the password-protected key (with why, when the passkey sign-in sent the person there). */
type Way = { kind: 'passkey' } | { kind: 'password-key'; username: string; note?: string };

/**
 * Sign-in with a passkey (`usePasskeyLogin`); without a username, any passkey of this site may answer,
 * and where the browser supports it the passkeys are offered in the username field's autofill
 * (`usePasskeyAutofill`). A user whose only credential is a password-protected key is taken to that
 * sign-in, which asks for the e-mailed code.
 */
/**
 * How the person signed in: with a passkey this browser offered, or with a password-protected key (a
 * mailed code and a password), which says this browser may hold no passkey of the account.
 */
export type SignedInWith = 'passkey' | 'password-key';

export function SignIn({ onSignedIn }: { onSignedIn: (token: string, signedInWith: SignedInWith) => void }) {
  const [way, setWay] = useState<Way>({ kind: 'passkey' });
  const section = useRef<HTMLDivElement>(null);
  // Back from the password-protected key: the button pressed is gone, so focus goes to the heading.
  const cameBack = useRef(false);
  useEffect(() => {
    if (way.kind === 'passkey' && cameBack.current) section.current?.querySelector<HTMLElement>('h2')?.focus();
    cameBack.current = way.kind === 'password-key';
  }, [way.kind]);

  if (way.kind === 'password-key') {
    return (
      <div ref={section}>
        <JourneySection view="sign-in" heading="Sign in">
          <PasswordKeySignIn
            defaultUsername={way.username}
            note={way.note}
            onSignedIn={(token) => onSignedIn(token, 'password-key')}
          />
          <p>
            <button type="button" className="button" onClick={() => setWay({ kind: 'passkey' })}>
              Sign in with a passkey instead
            </button>
          </p>
        </JourneySection>
      </div>
    );
  }

  return (
    <div ref={section}>
      <JourneySection view="sign-in" heading="Sign in" lead={LEAD}>
        <PasskeySignIn
          onSignedIn={(token) => onSignedIn(token, 'passkey')}
          onPasswordKey={(username, note) => setWay({ kind: 'password-key', username, ...(note && { note }) })}
        />
      </JourneySection>
    </div>
  );
}

/**
 * The passkey form: the button's sign-in, and the autofill's while the form is shown (leaving it, for
 * the password-protected key or once signed in, ends the autofill's pending request).
 */
function PasskeySignIn({
  onSignedIn,
  onPasswordKey,
}: {
  onSignedIn: (token: string) => void;
  onPasswordKey: (username: string, note?: string) => void;
}) {
  const [username, setUsername] = useState('');
  const { phase, isBusy, signIn, error } = usePasskeyLogin({
    fetcher,
    orgId,
    rpId: rp.id,
    ceremony,
    onSignedIn: (login) => onSignedIn(login.token),
    onError: (failure) => {
      if (failure.code === 'login-code-required') {
        onPasswordKey(
          username.trim(),
          'Your account signs in with a password-protected key: we e-mail you a code to open it with.',
        );
      }
    },
  });
  // The passkeys in the username field's autofill; a click on the button replaces it, silently.
  // Opt-in (`?autofill`): Chromium's virtual authenticator picks a passkey for a pending autofill at
  // once, which would sign in the end-to-end tests of the button before their click.
  const autofill = usePasskeyAutofill({
    enabled: AUTOFILL,
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
  const shownError = phase === 'error' ? error : autofill.error;

  return (
    <>
      <form className="signup" onSubmit={onSubmit} aria-busy={isBusy} data-autofill={autofill.status}>
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
        <small id="signin-username-hint">
          {autofill.status === 'pending' || autofill.status === 'paused'
            ? 'Pick a passkey from the suggestions, or leave it empty to pick any passkey of this site.'
            : 'Leave it empty to pick any passkey of this site.'}
        </small>
        <button type="submit" disabled={isBusy}>
          Sign in with a passkey
        </button>
        <p role="status" aria-live="polite">
          {STATUS[phase] ?? (autofill.status === 'submitting' ? STATUS.submitting : '')}
        </p>
        {shownError ? (
          <p role="alert" data-code={shownError.code}>
            {describeError(shownError)}
          </p>
        ) : null}
      </form>
      <p>
        <button type="button" className="button" onClick={() => onPasswordKey(username.trim())}>
          Sign in with a password-protected key
        </button>
      </p>
    </>
  );
}
