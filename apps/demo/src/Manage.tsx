import { CredentialCode, CredentialList } from '@credkit/react';
import { anotherDeviceLink } from './AnotherDevice.tsx';
import { fetcher, userActionSigner } from './config.ts';

/** `#manage`: the credentials (deactivate, activate), and a passkey on another device (a one-time code). */
export function Manage() {
  return (
    <>
      <section aria-labelledby="credentials-heading">
        <h2 id="credentials-heading">Your credentials</h2>
        <CredentialList fetcher={fetcher} userActionSigner={userActionSigner} />
      </section>
      <section aria-labelledby="manage-heading">
        <h2 id="manage-heading">Another device</h2>
        <CredentialCode fetcher={fetcher} userActionSigner={userActionSigner} linkFor={anotherDeviceLink} />
      </section>
    </>
  );
}
