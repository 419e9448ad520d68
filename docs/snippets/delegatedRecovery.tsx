import { RecoverAccount } from '@credkit/react';
import { rp } from './host.ts';
import { post } from './myBackend.ts';

// Recovery when your backend obtains the challenge: no username, no e-mailed code on the page.
export function LostPasskeys() {
  return (
    <RecoverAccount
      rp={rp}
      // Told which recovery key the person typed; your backend asks POST /auth/recover/user/delegated.
      challengeSource={({ credentialId, signal }) => post('/api/dfns/recovery/challenge', { credentialId }, signal)}
      // The recovery key signed the new credentials in the page; your backend sends the body to Dfns.
      completion={(body, { temporaryAuthenticationToken, signal }) =>
        post('/api/dfns/recovery', { body, temporaryAuthenticationToken }, signal)
      }
      defaultCredentialName="New passkey"
    />
  );
}
