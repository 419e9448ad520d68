import { createFetcher } from '@credkit/core';
import { generateRecoveryCode } from '@credkit/core/keys';
import { useRegisterUser } from '@credkit/react';
import { englishRecoveryMessages, RecoveryCodeStep } from '@credkit/react/recovery';
import { useState } from 'react';
import { orgId, registrationCode, rp, saveToken } from './host.ts';

const fetcher = createFetcher({ baseUrl: 'https://api.dfns.io' });

export function SignUpWithRecoveryKey({ username }: { username: string }) {
  // The code is made, shown and saved before anything is sent; it never leaves the page.
  const [recoveryCode, setRecoveryCode] = useState<string | null>(null);
  const { register, isBusy, registration, error } = useRegisterUser({ fetcher, orgId, rp });
  const made = registration?.recoveryKey;
  if (made && recoveryCode) {
    return (
      <>
        {/* Recovery asks for both: show the key's ID with its code, once. */}
        <p>
          Recovery key ID: <code>{made.credentialId}</code>, recovery code: <code>{recoveryCode}</code>
        </p>
        <button type="button" onClick={() => registration.token && saveToken(registration.token)}>
          I have saved them
        </button>
      </>
    );
  }
  if (!recoveryCode) {
    return (
      <button type="button" onClick={() => setRecoveryCode(generateRecoveryCode())}>
        Sign up with a passkey and a recovery key
      </button>
    );
  }
  return (
    <>
      <RecoveryCodeStep
        code={recoveryCode}
        credentialName="Recovery key"
        busy={isBusy}
        messages={englishRecoveryMessages}
        onConfirm={() => register({ username, registrationCode, recoveryKey: { recoveryCode } })}
        onCancel={() => setRecoveryCode(null)}
      />
      {error ? <p role="alert">{error.message}</p> : null}
    </>
  );
}
