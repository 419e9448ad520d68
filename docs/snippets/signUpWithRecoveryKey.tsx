import { createFetcher } from '@credkit/core';
import { generateKeyCredentialId, generateRecoveryCode } from '@credkit/core/keys';
import { useRegisterUser } from '@credkit/react';
import { englishRecoveryMessages, RecoveryCodeStep } from '@credkit/react/recovery';
import { useState } from 'react';
import { orgId, registrationCode, rp, saveToken } from './host.ts';

const fetcher = createFetcher({ baseUrl: 'https://api.dfns.io' });

export function SignUpWithRecoveryKey({ username }: { username: string }) {
  // The code and the key's ID are made, shown and saved together before anything is sent; the code
  // never leaves the page.
  const [kit, setKit] = useState<{ recoveryCode: string; credentialId: string } | null>(null);
  const { register, isBusy, registration, error } = useRegisterUser({ fetcher, orgId, rp });
  const token = registration?.token;
  if (token) {
    return (
      <button type="button" onClick={() => saveToken(token)}>
        Continue
      </button>
    );
  }
  if (!kit) {
    return (
      <button
        type="button"
        onClick={() => setKit({ recoveryCode: generateRecoveryCode(), credentialId: generateKeyCredentialId() })}
      >
        Sign up with a passkey and a recovery key
      </button>
    );
  }
  return (
    <>
      {/* Recovery asks for both: the step shows the ID with the code, and Copy and Download carry both. */}
      <RecoveryCodeStep
        code={kit.recoveryCode}
        credentialId={kit.credentialId}
        username={username}
        credentialName="Recovery key"
        busy={isBusy}
        messages={englishRecoveryMessages}
        onConfirm={() => register({ username, registrationCode, recoveryKey: kit })}
        onCancel={() => setKit(null)}
      />
      {error ? <p role="alert">{error.message}</p> : null}
    </>
  );
}
