import { createFetcher } from '@credkit/core';
import { SignIn } from '@credkit/react';
import { orgId, rp, saveToken } from './host.ts';

const fetcher = createFetcher({ baseUrl: 'https://api.dfns.io' });

// The sign-in form: an optional username field whose autofill offers this site's passkeys (where the
// browser supports it), a button that signs in with a passkey, Cancel, a live region, the error.
export function SignInPage() {
  return (
    <SignIn
      fetcher={fetcher}
      orgId={orgId}
      rpId={rp.id}
      onSignedIn={({ token }) => saveToken(token)}
      onError={(error) => {
        // Its only credential is a password-protected key: take the person to that sign-in.
        if (error.code === 'login-code-required') window.location.assign('/sign-in/password-key');
      }}
    />
  );
}

// The same parts in a layout of your own (every part takes any attribute of its element).
export function CompactSignIn() {
  return (
    <SignIn.Root fetcher={fetcher} orgId={orgId} rpId={rp.id} onSignedIn={({ token }) => saveToken(token)}>
      <SignIn.UsernameField label="E-mail" type="email" hint={false} />
      <SignIn.Error />
      <SignIn.Submit className="primary">Continue with a passkey</SignIn.Submit>
      <SignIn.Cancel />
      <SignIn.Status />
    </SignIn.Root>
  );
}
