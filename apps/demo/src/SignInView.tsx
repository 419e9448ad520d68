import type { LoginResult } from '@credkit/core';
import { SignIn } from '@credkit/react';
import { useEffect, useRef, useState } from 'react';
import { ceremony, fetcher, orgId, rp, type SignedInWith } from './config.ts';
import { JourneySection } from './JourneySection.tsx';
import { PasswordKeySignIn } from './PasswordKeySignIn.tsx';

// The passkeys in the username field's autofill, unless `?autofill=off`.
const AUTOFILL = new URLSearchParams(window.location.search).get('autofill') !== 'off';

const LEAD = 'A login challenge, answered by any passkey of this site (or the username’s), for a session token.';

/** Where the sign-in is: the passkey, or the password-protected key (with why, when the passkey sign-in sent the person there). */
type Way = { kind: 'passkey' } | { kind: 'password-key'; username: string; note?: string };

/**
 * Whether this browser holds a passkey of the account, from how the person signed in: `false` after a
 * password-protected key (a mailed code and a password) or a passkey on a security key or a phone
 * (`authenticatorAttachment: 'cross-platform'`), `true` after a passkey of this device, unknown when
 * the browser does not say. What the "add a passkey here" nudge is offered on.
 */
export type PasskeyOnThisDevice = boolean | undefined;

/** From a passkey sign-in's result: where its passkey was. */
function passkeyHere({ authenticatorAttachment }: LoginResult): PasskeyOnThisDevice {
  return authenticatorAttachment === undefined ? undefined : authenticatorAttachment === 'platform';
}

/**
 * Sign-in with a passkey (`<SignIn>`); without a username, any passkey of this site may answer, and
 * where the browser supports it the passkeys are offered in the username field's autofill. A user
 * whose only credential is a password-protected key is taken to that sign-in, which asks for the
 * e-mailed code.
 */
export function SignInView({
  onSignedIn,
}: {
  /** The token, where the passkey was, and what signed in (what confirms the session's changes). */
  onSignedIn: (token: string, passkeyOnThisDevice: PasskeyOnThisDevice, signedInWith: SignedInWith) => void;
}) {
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
            onSignedIn={(token) => onSignedIn(token, false, 'password-key')}
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
          onSignedIn={(login) => onSignedIn(login.token, passkeyHere(login), 'passkey')}
          onPasswordKey={(username, note) => setWay({ kind: 'password-key', username, ...(note && { note }) })}
        />
      </JourneySection>
    </div>
  );
}

/**
 * The passkey form, credkit's `<SignIn>`: the button's sign-in, and the autofill's while the form is
 * shown (leaving it, for the password-protected key or once signed in, ends the autofill's pending
 * request). `?autofill=off` turns the autofill off.
 */
function PasskeySignIn({
  onSignedIn,
  onPasswordKey,
}: {
  onSignedIn: (login: LoginResult) => void;
  onPasswordKey: (username: string, note?: string) => void;
}) {
  const [username, setUsername] = useState('');
  return (
    <>
      <SignIn.Root
        fetcher={fetcher}
        orgId={orgId}
        rpId={rp.id}
        ceremony={ceremony}
        autofill={AUTOFILL}
        username={username}
        onUsernameChange={setUsername}
        onSignedIn={onSignedIn}
        onError={(failure) => {
          if (failure.code === 'login-code-required') {
            onPasswordKey(
              username.trim(),
              'Your account signs in with a password-protected key: we e-mail you a code to open it with.',
            );
          }
        }}
      >
        <SignIn.UsernameField type="email" />
        <SignIn.Submit />
        <SignIn.Cancel />
        <SignIn.Status />
        <SignIn.Error />
      </SignIn.Root>
      <p>
        <button type="button" className="button" onClick={() => onPasswordKey(username.trim())}>
          Sign in with a password-protected key
        </button>
      </p>
    </>
  );
}
