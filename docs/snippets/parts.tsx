import type { Fetcher } from '@credkit/core';
import { RegisterCredential, useRegisterCredentialContext } from '@credkit/react';
import { MyButton, MyDialog, rp } from './host.ts';

function SaveButton() {
  const { submit, disabled } = useRegisterCredentialContext();
  return (
    <MyButton onClick={submit} disabled={disabled}>
      Save passkey
    </MyButton>
  );
}

export function AddPasskeyDialog({ fetcher }: { fetcher: Fetcher }) {
  return (
    <RegisterCredential.Root fetcher={fetcher} rp={rp} authenticatorChoices={['this-device', 'security-key']}>
      <MyDialog title="Add a passkey">
        <RegisterCredential.NameField placeholder="Work laptop" />
        <RegisterCredential.AuthenticatorChoices />
        <RegisterCredential.Error />
        <SaveButton />
      </MyDialog>
      <RegisterCredential.Status />
      <RegisterCredential.Unsupported />
    </RegisterCredential.Root>
  );
}
