import { describeError } from '@credkit/core';
import { RegisterCredential, type RegistrableCredentialKind, useLogout } from '@credkit/react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { AnotherDevice } from './AnotherDevice.tsx';
import { CredentialList } from './CredentialList.tsx';
import {
  authenticatorChoices,
  ceremony,
  ceremonyTimeout,
  embed,
  fetcher,
  rp,
  session,
  twoForms,
  upgrade,
  userActionSigner,
  watchdogGraceMs,
} from './config.ts';
import { frenchMessages } from './french.ts';
import { heldKeys } from './heldKeys.ts';
import { KindPicker } from './KindPicker.tsx';
import { Manage } from './Manage.tsx';
import { PasskeyUpgrade } from './PasskeyUpgrade.tsx';
import { Recover } from './Recover.tsx';
import { SignedInUser } from './SignedInUser.tsx';
import { SignIn } from './SignIn.tsx';
import { SignUp } from './SignUp.tsx';
import { TwoForms } from './TwoForms.tsx';

type View = 'passkeys' | 'manage' | 'another-device' | 'about';

const VIEWS: readonly View[] = ['passkeys', 'manage', 'another-device', 'about'];

function viewFromHash(): View {
  const view = window.location.hash.slice(1) as View;
  return VIEWS.includes(view) ? view : 'passkeys';
}

function useHashView(): View {
  const [view, setView] = useState<View>(viewFromHash);
  useEffect(() => {
    const onHashChange = () => setView(viewFromHash());
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return view;
}

type SignedOutView = 'sign-up' | 'sign-in' | 'recover';

/** Signed out: sign up (the default), sign back in with a passkey, or recover a lost account. */
function SignedOut({ onSignedIn }: { onSignedIn: (token: string) => void }) {
  const [view, setView] = useState<SignedOutView>('sign-up');
  return (
    <>
      {view === 'sign-up' ? <SignUp onSignedUp={onSignedIn} /> : null}
      {view === 'sign-in' ? <SignIn onSignedIn={onSignedIn} /> : null}
      {view === 'recover' ? <Recover onSignedIn={onSignedIn} /> : null}
      <p>
        {view === 'sign-up' ? (
          <button type="button" onClick={() => setView('sign-in')}>
            Already have a passkey? Sign in
          </button>
        ) : (
          <button type="button" onClick={() => setView('sign-up')}>
            New here? Sign up
          </button>
        )}{' '}
        {view === 'sign-in' ? (
          <button type="button" onClick={() => setView('recover')}>
            Lost your passkeys?
          </button>
        ) : null}
      </p>
    </>
  );
}

export function App() {
  const view = useHashView();
  const queryClient = useQueryClient();
  const [token, setToken] = useState(session.token);
  const [kind, setKind] = useState<RegistrableCredentialKind>('Fido2');
  const [language, setLanguage] = useState<'en' | 'fr'>('en');
  const logout = useLogout({ fetcher });
  // Why the last sign-out could not end the session on the server, if it could not.
  const [signOutProblem, setSignOutProblem] = useState<string | null>(null);

  const signIn = (newToken: string) => {
    session.signIn(newToken);
    queryClient.clear();
    setSignOutProblem(null);
    setToken(newToken);
  };
  // The server ends the token (PUT /auth/logout); whatever it answers, this page forgets it.
  const signOut = () =>
    logout.mutate(undefined, {
      onSettled: (_data, error) => {
        session.signOut();
        queryClient.clear();
        // A 401: the server no longer takes the token (it expired, or a recovery ended it): signed out all the same.
        setSignOutProblem(error && error.status !== 401 ? describeError(error) : null);
        setToken(null);
      },
    });

  return (
    <main>
      <header>
        <h1>credkit demo</h1>
        {token ? (
          <SignedInUser onSignOut={embed ? undefined : signOut} signingOut={logout.isPending} />
        ) : signOutProblem ? (
          <p role="alert">
            You are signed out on this device, but the server could not end the session: {signOutProblem}
          </p>
        ) : null}
        <nav aria-label="Demo">
          <a href="#passkeys" aria-current={view === 'passkeys' ? 'page' : undefined}>
            Passkeys
          </a>{' '}
          ·{' '}
          {token && !embed ? (
            <>
              <a href="#manage" aria-current={view === 'manage' ? 'page' : undefined}>
                Manage
              </a>{' '}
              ·{' '}
            </>
          ) : null}
          <a href="#about" aria-current={view === 'about' ? 'page' : undefined}>
            About
          </a>
        </nav>
        <p>
          <label htmlFor="language">Component language</label>{' '}
          <select id="language" value={language} onChange={(event) => setLanguage(event.target.value as 'en' | 'fr')}>
            <option value="en">English</option>
            <option value="fr">Français</option>
          </select>
        </p>
      </header>
      {view === 'about' ? (
        <section aria-labelledby="about-heading">
          <h2 id="about-heading">About</h2>
          <p>
            This demo registers credentials with <code>@credkit/react</code> against <code>@credkit/mock-backend</code>,
            a Dfns-compatible server that verifies every registration.{' '}
            {embed
              ? 'This is the simple embed: user-action signing is off.'
              : 'Each new credential is confirmed with one of your passkeys (Dfns user-action signing).'}
          </p>
        </section>
      ) : view === 'another-device' ? (
        <AnotherDevice />
      ) : !token ? (
        <SignedOut onSignedIn={signIn} />
      ) : view === 'manage' && !embed ? (
        <Manage />
      ) : (
        <>
          {upgrade ? <PasskeyUpgrade /> : null}
          {twoForms ? (
            <TwoForms />
          ) : (
            <section aria-labelledby="register-heading">
              <h2 id="register-heading">Add a credential</h2>
              <KindPicker value={kind} onChange={setKind} />
              <div lang={language}>
                <RegisterCredential
                  key={kind}
                  kind={kind}
                  fetcher={fetcher}
                  rp={rp}
                  ceremony={ceremony}
                  timeout={ceremonyTimeout}
                  watchdogGraceMs={watchdogGraceMs}
                  userActionSigner={userActionSigner}
                  authenticatorChoices={authenticatorChoices}
                  messages={language === 'fr' ? frenchMessages : undefined}
                  onRegistered={(credential, key) => {
                    if (key) heldKeys.set(credential.credentialId, key.keyPair);
                  }}
                />
              </div>
            </section>
          )}
          <section aria-labelledby="credentials-heading">
            <h2 id="credentials-heading">Your credentials</h2>
            <CredentialList />
          </section>
        </>
      )}
    </main>
  );
}
