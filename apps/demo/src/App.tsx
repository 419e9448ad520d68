import { RegisterCredential, type RegistrableCredentialKind } from '@credkit/react';
import { useEffect, useState } from 'react';
import { CredentialList } from './CredentialList.tsx';
import { ceremonyTimeout, fetcher, rp, watchdogGraceMs } from './config.ts';
import { heldKeys } from './heldKeys.ts';
import { KindPicker } from './KindPicker.tsx';
import { SignedInUser } from './SignedInUser.tsx';

type View = 'passkeys' | 'about';

function viewFromHash(): View {
  return window.location.hash === '#about' ? 'about' : 'passkeys';
}

export function App() {
  const [view, setView] = useState<View>(viewFromHash);
  const [kind, setKind] = useState<RegistrableCredentialKind>('Fido2');
  useEffect(() => {
    const onHashChange = () => setView(viewFromHash());
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  return (
    <main>
      <header>
        <h1>credkit demo</h1>
        <SignedInUser />
        <nav aria-label="Demo">
          <a href="#passkeys" aria-current={view === 'passkeys' ? 'page' : undefined}>
            Passkeys
          </a>{' '}
          ·{' '}
          <a href="#about" aria-current={view === 'about' ? 'page' : undefined}>
            About
          </a>
        </nav>
      </header>
      {view === 'passkeys' ? (
        <>
          <section aria-labelledby="register-heading">
            <h2 id="register-heading">Add a credential</h2>
            <KindPicker value={kind} onChange={setKind} />
            <RegisterCredential
              key={kind}
              kind={kind}
              fetcher={fetcher}
              rp={rp}
              timeout={ceremonyTimeout}
              watchdogGraceMs={watchdogGraceMs}
              onRegistered={(credential, key) => {
                if (key) heldKeys.set(credential.credentialId, key.keyPair);
              }}
            />
          </section>
          <section aria-labelledby="credentials-heading">
            <h2 id="credentials-heading">Your credentials</h2>
            <CredentialList />
          </section>
        </>
      ) : (
        <section aria-labelledby="about-heading">
          <h2 id="about-heading">About</h2>
          <p>
            This demo registers passkeys with <code>@credkit/react</code> against <code>@credkit/mock-backend</code>, a
            Dfns-compatible server that verifies every registration.
          </p>
        </section>
      )}
    </main>
  );
}
