import { createFetcher } from '@credkit/core';
import { useRecoverAccount } from '@credkit/react';
import { orgId, rp, saveToken } from './host.ts';

const fetcher = createFetcher({ baseUrl: 'https://api.dfns.io' });

type Typed = { username: string; verificationCode: string; credentialId: string; recoveryCode: string };

export function RecoverWithMyForm({ typed }: { typed: Typed }) {
  const recovery = useRecoverAccount({
    fetcher,
    orgId,
    rp,
    signInAfter: true,
    onSignedIn: (token) => saveToken(token),
  });
  return (
    <>
      <button type="button" onClick={() => recovery.sendCode(typed.username)}>
        Send the code
      </button>
      {recovery.codeStatus === 'sent' ? <p role="status">We e-mailed you a code.</p> : null}
      <button
        type="button"
        disabled={recovery.isBusy}
        // No credentialName: the new passkey is named after its provider ("Google Password Manager").
        onClick={() => recovery.recover(typed)}
      >
        Recover and add a passkey
      </button>
      {recovery.isBusy ? (
        <button type="button" onClick={recovery.cancel}>
          Cancel
        </button>
      ) : null}
      {/* `wrong-password`: the recovery code does not open the key; a 4xx in `challenge`: the e-mailed code. */}
      {recovery.error ? <p role="alert">{recovery.error.code}</p> : null}
    </>
  );
}
