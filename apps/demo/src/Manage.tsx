import { CredentialCode } from '@credkit/react';
import { anotherDeviceLink } from './AnotherDevice.tsx';
import { fetcher, userActionSigner } from './config.ts';

/** `#manage`: a passkey on another device (a one-time code, its QR code and link). */
export function Manage() {
  return (
    <section aria-labelledby="manage-heading">
      <h2 id="manage-heading">Another device</h2>
      <CredentialCode fetcher={fetcher} userActionSigner={userActionSigner} linkFor={anotherDeviceLink} />
    </section>
  );
}
