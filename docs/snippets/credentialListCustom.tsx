import type { Fetcher } from '@credkit/core';
import { CredentialList, useCredentialListContext } from '@credkit/react';

// Your own rows: cards instead of a table, with credkit's button and lockout note in each.
function CredentialCards() {
  const { credentials, messages, isChanging } = useCredentialListContext();
  return (
    <ul aria-label="Sign-in methods">
      {credentials.map((credential) => (
        <li key={credential.credentialUuid} aria-busy={isChanging(credential)}>
          <strong>{credential.name}</strong> {messages.kinds[credential.kind]}{' '}
          {credential.isActive ? messages.status.active : messages.status.deactivated}
          <CredentialList.Action credential={credential} className="button" />
          <CredentialList.LockoutNote credential={credential} />
        </li>
      ))}
    </ul>
  );
}

export function SignInMethods({ fetcher }: { fetcher: Fetcher }) {
  return (
    <CredentialList.Root fetcher={fetcher} messages={{ actions: { deactivate: 'Turn off', activate: 'Turn on' } }}>
      <CredentialCards />
      <CredentialList.Status />
      <CredentialList.Error />
      <CredentialList.Retry />
    </CredentialList.Root>
  );
}
