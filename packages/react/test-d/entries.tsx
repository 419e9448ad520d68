// The other public names a host uses, so that every entry's declarations are compiled.
import { createFetcher } from '@credkit/core';
import {
  RegisterCredential,
  useCredentials,
  useLogout,
  usePasswordProtectedKeyLogin,
  useRegisterPasskey,
} from '@credkit/react';
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

export function SignOutAndBackIn() {
  const logout = useLogout({ fetcher });
  const { sendCode, codeStatus, signIn } = usePasswordProtectedKeyLogin({ fetcher, orgId: 'or-1' });
  return (
    <>
      <button type="button" onClick={() => logout.mutate()}>
        Sign out
      </button>
      <button type="button" onClick={() => sendCode('ada@example.com')}>
        Send me a code ({codeStatus})
      </button>
      <button type="button" onClick={() => signIn({ username: 'ada@example.com', loginCode: '1', password: 'p' })}>
        Sign in
      </button>
    </>
  );
}
