import { createWebAuthnUserActionSigner, signUserActionChallenge } from '@credkit/core';
import { RegisterCredential } from '@credkit/react';
import { rp } from './host.ts';
import { post } from './myBackend.ts';

// Adding a passkey when your backend holds the user's Dfns token: no fetcher in the browser.
export function AddPasskey() {
  return (
    <RegisterCredential
      rp={rp}
      // Your backend calls POST /auth/credentials/init with the user's token and relays Dfns's answer.
      challengeSource={({ signal }) => post('/api/dfns/credentials/challenge', { kind: 'Fido2' }, signal)}
      // Your backend completes: it gets the user-action challenge for this body, the person confirms it
      // with a passkey they already have, and the backend sends both to Dfns.
      completion={async (body, { signal }) => {
        const challenge = await post('/api/dfns/credentials/action', { body }, signal);
        const signedChallenge = await signUserActionChallenge(challenge, {
          signer: createWebAuthnUserActionSigner({ rpId: rp.id }),
          signal,
        });
        return post('/api/dfns/credentials', { body, signedChallenge }, signal);
      }}
    />
  );
}
