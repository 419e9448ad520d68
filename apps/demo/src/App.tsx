import { RegisterCredential } from '@credkit/react';
import { CredentialList } from './CredentialList.tsx';
import { fetcher, rp } from './config.ts';
import { SignedInUser } from './SignedInUser.tsx';

export function App() {
  return (
    <main>
      <header>
        <h1>credkit demo</h1>
        <SignedInUser />
      </header>
      <section aria-labelledby="register-heading">
        <h2 id="register-heading">Add a passkey</h2>
        <RegisterCredential fetcher={fetcher} rp={rp} />
      </section>
      <section aria-labelledby="credentials-heading">
        <h2 id="credentials-heading">Your credentials</h2>
        <CredentialList />
      </section>
    </main>
  );
}
