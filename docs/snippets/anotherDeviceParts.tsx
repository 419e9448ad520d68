import type { Fetcher, UserActionSignerWithProtocol } from '@credkit/core';
import { CredentialCode } from '@credkit/react';

const linkFor = (code: string) => `https://app.example.com/add-passkey?code=${encodeURIComponent(code)}`;

export function AddPasskeyCard({ fetcher, signer }: { fetcher: Fetcher; signer: UserActionSignerWithProtocol }) {
  return (
    <CredentialCode.Root
      fetcher={fetcher}
      userActionSigner={signer}
      linkFor={linkFor}
      className="card"
      classNames={{ code: 'card-code', qr: 'card-qr' }}
      messages={{ create: 'Set up my phone', codeLabel: 'Your code:' }}
    >
      <CredentialCode.QrCode width={256} height={256} />
      <CredentialCode.Code />
      <CredentialCode.Expiry />
      <CredentialCode.Link />
      <CredentialCode.Create />
      <CredentialCode.Cancel />
      <CredentialCode.Status />
      <CredentialCode.Error />
    </CredentialCode.Root>
  );
}
