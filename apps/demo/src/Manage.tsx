import { CredentialCode, CredentialList } from '@credkit/react';
import { anotherDeviceLink } from './AnotherDevice.tsx';
import { fetcher, signalUser, userActionSigner } from './config.ts';
import { JourneySection } from './JourneySection.tsx';

/** `#manage`: the credentials (deactivate, activate), and a passkey on another device (a one-time code). */
export function Manage() {
  return (
    <JourneySection
      view="manage"
      heading="Manage your credentials"
      lead="Deactivate and activate credentials, and make a one-time code for another device: each change signed as a user action."
    >
      <section aria-labelledby="manage-credentials-heading" className="subsection">
        <h3 id="manage-credentials-heading">Credentials</h3>
        <CredentialList fetcher={fetcher} userActionSigner={userActionSigner} user={signalUser()} />
      </section>
      <section aria-labelledby="manage-code-heading" className="subsection">
        <h3 id="manage-code-heading">A passkey on another device</h3>
        <CredentialCode fetcher={fetcher} userActionSigner={userActionSigner} linkFor={anotherDeviceLink} />
      </section>
    </JourneySection>
  );
}
