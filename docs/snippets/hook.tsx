import { createFetcher } from '@credkit/core';
import { useRegisterPasskey } from '@credkit/react';
import { getUserToken } from './host.ts';

const fetcher = createFetcher({
  baseUrl: 'https://api.dfns.io',
  headers: async () => ({ Authorization: `Bearer ${await getUserToken()}` }),
});

export function PasskeyButton() {
  const { phase, register, error, credential, cancel, isBusy } = useRegisterPasskey({
    fetcher,
    rp: { id: window.location.hostname, name: 'Example' },
  });
  if (phase === 'success') return <p>Added {credential?.name}</p>;
  return (
    <>
      <button type="button" disabled={isBusy} onClick={() => register('My passkey')}>
        Add a passkey
      </button>
      {isBusy ? (
        <button type="button" onClick={cancel}>
          Cancel
        </button>
      ) : null}
      {error ? <p role="alert">{error.message}</p> : null}
    </>
  );
}
