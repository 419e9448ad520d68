// The other public names a host uses, so that every entry's declarations are compiled.
import { createFetcher } from '@credkit/core';
import { RegisterCredential, useCredentials, useRegisterPasskey } from '@credkit/react';
import { englishRecoveryMessages, RecoveryCodeStep } from '@credkit/react/recovery';

const fetcher = createFetcher({ baseUrl: 'https://api.example.com' });
const rp = { id: 'example.com', name: 'Example' };

export function OwnButton() {
  const { register, isBusy, error } = useRegisterPasskey({ fetcher, rp });
  const credentials = useCredentials(fetcher);
  return (
    <button type="button" disabled={isBusy} onClick={() => register('Laptop')}>
      Add a passkey ({credentials.data?.length ?? 0} so far){error ? `: ${error.code}` : ''}
    </button>
  );
}

export const parts = (
  <RegisterCredential.Root fetcher={fetcher} rp={rp}>
    <RegisterCredential.NameField />
    <RegisterCredential.Submit />
    <RegisterCredential.Error />
  </RegisterCredential.Root>
);

export const recoveryStep = (
  <RecoveryCodeStep
    code="ABCD-EFGH"
    credentialName="Backup"
    busy={false}
    onConfirm={() => {}}
    onCancel={() => {}}
    messages={englishRecoveryMessages}
  />
);
