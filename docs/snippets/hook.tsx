import { createFetcher, createWebAuthnUserActionSigner, describeError } from '@credkit/core';
import { useRegisterPasskey } from '@credkit/react';
import { getUserToken } from './host.ts';

const fetcher = createFetcher({
  baseUrl: 'https://api.dfns.io',
  headers: async () => ({ Authorization: `Bearer ${await getUserToken()}` }),
});
// Dfns has the user confirm each new credential with one they already have (a user action).
const userActionSigner = createWebAuthnUserActionSigner();

export function PasskeyButton() {
  const { phase, register, error, credential, cancel, isBusy } = useRegisterPasskey({
    fetcher,
    rp: { id: window.location.hostname, name: 'Example' },
    userActionSigner,
  });
  if (phase === 'success') return <p>Added {credential?.name}</p>;
  return (
    <>
      {/* No name: the passkey is named after its provider ("Google Password Manager"…), else "Passkey" */}
      <button type="button" disabled={isBusy} onClick={() => register()}>
        Add a passkey
      </button>
      {isBusy ? (
        <button type="button" onClick={cancel}>
          Cancel
        </button>
      ) : null}
      {/* describeError: the message, and what the server said (cleaned, cut to 200 characters) */}
      {error ? <p role="alert">{describeError(error)}</p> : null}
    </>
  );
}
