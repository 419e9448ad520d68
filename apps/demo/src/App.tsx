import { describeError } from '@credkit/core';
import {
  RegisterCredential,
  type RegisterCredentialMessagesInput,
  type RegistrableCredentialKind,
  useLogout,
} from '@credkit/react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { AnotherDevice } from './AnotherDevice.tsx';
import { CredentialList } from './CredentialList.tsx';
import {
  authenticatorChoices,
  ceremony,
  ceremonyTimeout,
  embed,
  fetcher,
  rp,
  type SignedInWith,
  session,
  twoForms,
  upgrade,
  userActionSigner,
  watchdogGraceMs,
} from './config.ts';
import { frenchMessages, passwordKeySigning } from './french.ts';
import { heldKeys } from './heldKeys.ts';
import { JourneySection } from './JourneySection.tsx';
import { JOURNEYS, journeyOf, type View, viewFromHash } from './journeys.ts';
import { KindPicker } from './KindPicker.tsx';
import { Manage } from './Manage.tsx';
import { PasskeyUpgrade } from './PasskeyUpgrade.tsx';
import { PasswordDialog } from './PasswordDialog.tsx';
import { Recover } from './Recover.tsx';
import { SaferAccount } from './SaferAccount.tsx';
import { SignedInUser } from './SignedInUser.tsx';
import { type PasskeyOnThisDevice, SignInView } from './SignInView.tsx';
import { SignUp } from './SignUp.tsx';
import { type Language, Switches } from './Switches.tsx';
import { TwoForms } from './TwoForms.tsx';
import { WirePanel } from './wire/WirePanel.tsx';

/** The view the address names (`#sign-in`), and a way to go to another one from the page. */
function useHashView(): [View | undefined, (view: View) => void] {
  const [view, setView] = useState(() => viewFromHash(window.location.hash));
  useEffect(() => {
    const onHashChange = () => setView(viewFromHash(window.location.hash));
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  // pushState fires no hashchange: the new view renders with whatever else the caller changes, at once.
  const navigate = (next: View) => {
    window.history.pushState(window.history.state, '', `#${next}`);
    setView(next);
  };
  return [view, navigate];
}

/** The views the simple embed offers: no sign-up or sign-in there (a seeded user, signing off). */
const EMBED_VIEWS: readonly View[] = ['passkeys', 'about'];

/**
 * When the view changes (a link, a switch, signing in or out), focus goes to the new view's heading,
 * as a page load would put it at the top: the button that was pressed is relabelled or gone. A layout
 * effect, so a view that puts focus somewhere itself (a passive effect, as the password-protected key
 * sign-in does) still has the last word. Not on the first render: a page load starts at the top.
 */
function useFocusOnViewChange(view: View, main: React.RefObject<HTMLElement | null>) {
  const shown = useRef(view);
  useLayoutEffect(() => {
    if (shown.current === view) return;
    shown.current = view;
    main.current?.querySelector<HTMLElement>('h2[tabindex="-1"]')?.focus();
  }, [view, main]);
}

/** A polite announcement for what focus alone does not say (signed in, signed out). */
function useAnnouncer(): [string, (message: string) => void] {
  const [announcement, setAnnouncement] = useState({ message: '', count: 0 });
  const announce = (message: string) => setAnnouncement(({ count }) => ({ message, count: count + 1 }));
  // The same words twice still change the region's text (a no-break space on every other one): announced again.
  return [`${announcement.message}${announcement.count % 2 ? '\u00a0' : ''}`, announce];
}

/** The buttons between the signed-out journeys. */
function SignedOutSwitches({ view, navigate }: { view: View; navigate: (view: View) => void }) {
  return (
    <p className="journey-switches">
      {view === 'sign-up' ? (
        <button type="button" className="button" onClick={() => navigate('sign-in')}>
          Already have a passkey? Sign in
        </button>
      ) : (
        <button type="button" className="button" onClick={() => navigate('sign-up')}>
          New here? Sign up
        </button>
      )}
      {view === 'sign-in' ? (
        <button type="button" className="button" onClick={() => navigate('recover')}>
          Lost your passkeys?
        </button>
      ) : null}
    </p>
  );
}

/** A journey that needs the other session state than the page has. */
function NotNow({ view, signedIn }: { view: View; signedIn: boolean }) {
  const { title } = journeyOf(view);
  return (
    <JourneySection view={view} heading={title}>
      <p className="note">
        {signedIn ? (
          <>You are signed in: sign out (at the top) to try this journey.</>
        ) : (
          <>
            This journey needs a signed-in user: <a href="#sign-up">sign up</a> or <a href="#sign-in">sign in</a> first.
          </>
        )}
      </p>
    </JourneySection>
  );
}

function About() {
  return (
    <JourneySection view="about" heading="About">
      <p>
        This demo registers credentials with <code>@credkit/react</code> against <code>@credkit/mock-backend</code>, a
        Dfns-compatible server that verifies every registration.{' '}
        {embed
          ? 'This is the simple embed: user-action signing is off.'
          : 'Each new credential is confirmed with one of your passkeys, or after a password-protected key sign-in with that key and its password (Dfns user-action signing).'}
      </p>
      <p>
        The panel <strong>On the wire</strong> shows each request the kit made and the answer, redacted. The switches at
        the top change the theme, the credential form’s language (its <code>messages</code> prop) and who runs the
        passkey prompts: credkit’s own ceremony or <code>@simplewebauthn/browser</code>.
      </p>
    </JourneySection>
  );
}

/** The credential form's texts: the language's, and after a password-key sign-in, the key's "confirm". */
function formMessages(language: Language, signedInWith: SignedInWith): RegisterCredentialMessagesInput | undefined {
  const base = language === 'fr' ? frenchMessages : undefined;
  if (signedInWith !== 'password-key') return base;
  return { ...base, status: { ...base?.status, signing: passwordKeySigning[language] } };
}

export function App() {
  const [hashView, navigate] = useHashView();
  const queryClient = useQueryClient();
  const [token, setToken] = useState(session.token);
  const [passkeyHere, setPasskeyHere] = useState<boolean | undefined>(undefined);
  const [kind, setKind] = useState<RegistrableCredentialKind>('Fido2');
  const [language, setLanguage] = useState<Language>('en');
  const logout = useLogout({ fetcher });
  // Why the last sign-out could not end the session on the server, if it could not.
  const [signOutProblem, setSignOutProblem] = useState<string | null>(null);
  const [announcement, announce] = useAnnouncer();
  const main = useRef<HTMLElement>(null);

  const signedIn = token !== null;
  const view: View = embed
    ? hashView && EMBED_VIEWS.includes(hashView)
      ? hashView
      : 'passkeys'
    : // Adding a credential is the signed-in home; signed out (a reload of the static build too), the home is sign-up.
      hashView === undefined || (hashView === 'passkeys' && !signedIn)
      ? signedIn
        ? 'passkeys'
        : 'sign-up'
      : hashView;
  const { title, needs } = journeyOf(view);
  useFocusOnViewChange(view, main);
  useEffect(() => {
    document.title = `${title} · credkit demo`;
  }, [title]);

  const signIn = (
    newToken: string,
    message: string,
    passkeyOnThisDevice?: PasskeyOnThisDevice,
    signedInWith?: SignedInWith,
  ) => {
    // A sign-in that used no passkey here (a key, a security key, a phone): the "add a passkey here" nudge.
    setPasskeyHere(passkeyOnThisDevice);
    // After a password-protected key, that key confirms the session's changes (config.ts's userActionSigner).
    session.signIn(newToken, signedInWith);
    queryClient.clear();
    setSignOutProblem(null);
    setToken(newToken);
    navigate('passkeys');
    announce(message);
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
        navigate('sign-up');
        announce('You are signed out.');
      },
    });

  const fits = needs === 'nothing' || (needs === 'session') === signedIn;
  const journeys = JOURNEYS.filter((journey) => !embed || EMBED_VIEWS.includes(journey.view));

  return (
    <>
      <header className="topbar">
        <div className="topbar-inner">
          <div className="brand">
            <h1>
              credkit <span className="brand-tag">demo</span>
            </h1>
            <p className="tagline">Passkeys and every Dfns credential kind, from React, against a mock Dfns API.</p>
          </div>
          <Switches language={language} onLanguage={setLanguage} />
          <div className="session">
            {token ? (
              <SignedInUser onSignOut={embed ? undefined : signOut} signingOut={logout.isPending} />
            ) : signOutProblem ? (
              <p role="alert">
                You are signed out on this device, but the server could not end the session: {signOutProblem}
              </p>
            ) : (
              <p className="signed-out">Not signed in</p>
            )}
          </div>
        </div>
      </header>
      <div className="shell">
        <nav aria-label="Journeys" className="journeys">
          <ol>
            {journeys.map((journey) => (
              <li key={journey.view} data-needs={journey.needs}>
                <a
                  href={`#${journey.view}`}
                  className="journey-link"
                  aria-current={journey.view === view ? 'page' : undefined}
                >
                  {journey.title}
                </a>
              </li>
            ))}
          </ol>
        </nav>
        <main ref={main} className="journey-main">
          {view === 'about' ? (
            <About />
          ) : view === 'another-device' ? (
            <AnotherDevice />
          ) : !fits ? (
            <NotNow view={view} signedIn={signedIn} />
          ) : view === 'sign-up' ? (
            <SignUp onSignedUp={(newToken) => signIn(newToken, 'Account created: you are signed in.')} />
          ) : view === 'sign-in' ? (
            <SignInView
              onSignedIn={(newToken, here, signedInWith) => signIn(newToken, 'You are signed in.', here, signedInWith)}
            />
          ) : view === 'recover' ? (
            <Recover onSignedIn={(newToken) => signIn(newToken, 'Account recovered: you are signed in.')} />
          ) : view === 'manage' ? (
            <Manage />
          ) : (
            <JourneySection
              view="passkeys"
              heading="Add a credential"
              lead={
                embed
                  ? 'The simple embed: the component on its own, user-action signing off.'
                  : 'Each new credential is confirmed with one of your passkeys: the Dfns user action, on the wire at the right.'
              }
            >
              {upgrade ? <PasskeyUpgrade /> : null}
              {embed ? null : (
                <SaferAccount
                  passkeyOnThisDevice={passkeyHere}
                  onUpgraded={() => setPasskeyHere(true)}
                  onAction={(nudge) => {
                    // Another device: the one-time code on Manage. Here or a recovery key: this page's form.
                    if (nudge === 'add-passkey-elsewhere') return navigate('manage');
                    setKind(nudge === 'create-recovery-key' ? 'RecoveryKey' : 'Fido2');
                    requestAnimationFrame(() =>
                      main.current?.querySelector<HTMLElement>('input[data-credkit-part="input"]')?.focus(),
                    );
                  }}
                />
              )}
              {twoForms ? (
                <TwoForms />
              ) : (
                <>
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
                      messages={formMessages(language, session.signedInWith())}
                      onRegistered={(credential, key) => {
                        if (key) heldKeys.set(credential.credentialId, key.keyPair);
                        // A passkey made here (or on a key held here): no longer a browser without one.
                        if (credential.kind === 'Fido2') setPasskeyHere(undefined);
                      }}
                    />
                  </div>
                </>
              )}
              <section aria-labelledby="credentials-heading" className="subsection">
                <h3 id="credentials-heading">Your credentials</h3>
                <CredentialList />
              </section>
            </JourneySection>
          )}
          {!signedIn && fits && (view === 'sign-up' || view === 'sign-in' || view === 'recover') ? (
            <SignedOutSwitches view={view} navigate={navigate} />
          ) : null}
        </main>
        <WirePanel />
      </div>
      <footer className="footer">
        <p>
          credkit: <a href="https://github.com/credkit/credkit">source on GitHub</a> ·{' '}
          <a href="https://github.com/credkit/credkit/blob/main/docs/README.md">guides</a> ·{' '}
          <a href="https://github.com/credkit/credkit/blob/main/docs/api.md">API reference</a>
        </p>
      </footer>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true" id="announcer">
        {announcement}
      </p>
      {embed ? null : <PasswordDialog />}
    </>
  );
}
