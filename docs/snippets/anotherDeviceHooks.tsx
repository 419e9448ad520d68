import { type Fetcher, withCredentialCode } from '@credkit/core';
import { useCredentialCode, useRegisterPasskey } from '@credkit/react';
import { useMemo, useState } from 'react';
import { rp } from './host.ts';

// The signed-in device, your own UI: the hook makes the code (signing it when given a signer).
export function CodeForMyPhone({ fetcher }: { fetcher: Fetcher }) {
  const { createCode, code, isBusy, error } = useCredentialCode({ fetcher });
  return (
    <>
      <button type="button" disabled={isBusy} onClick={createCode}>
        Get a code
      </button>
      {code ? <output>{code.code}</output> : null}
      {error ? <p role="alert">{error.message}</p> : null}
    </>
  );
}

// The other device, your own UI: any registration API works with the code through withCredentialCode.
export function AddWithMyCode({ fetcher }: { fetcher: Fetcher }) {
  const [code, setCode] = useState('');
  const codeFetcher = useMemo(() => withCredentialCode(fetcher, code), [fetcher, code]);
  // A code typed by hand: no challenge fetched ahead, or every keystroke's partial code would cost a 4xx.
  const { register, isBusy, error } = useRegisterPasskey({ fetcher: codeFetcher, rp, prefetchChallenge: false });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        register('Phone');
      }}
    >
      <input aria-label="Code" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} />
      <button type="submit" disabled={isBusy || code.trim() === ''}>
        Add passkey
      </button>
      {error?.code === 'invalid-code' ? <p role="alert">Ask for a new code.</p> : null}
    </form>
  );
}
