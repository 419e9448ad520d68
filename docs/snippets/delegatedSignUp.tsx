import { generateRecoveryCode } from '@credkit/core/keys';
import { useRegisterUser } from '@credkit/react';
import { useState } from 'react';
import { rp } from './host.ts';
import { post } from './myBackend.ts';

// Sign-up of a person signed in to your app, whom your backend registers at Dfns
// (POST /auth/registration/delegated): no orgId, no username for the kit, no fetcher. The recovery
// code is shown, and confirmed, before the request.
export function useDelegatedSignUp() {
  const [recoveryCode] = useState(generateRecoveryCode);
  const signUp = useRegisterUser({
    rp,
    // Your backend's service account asks Dfns for the challenge, and keeps its temporary token.
    challengeSource: ({ signal }) => post('/api/dfns/sign-up/challenge', {}, signal),
    // Exactly the POST /auth/registration/enduser body; your backend sends it under that token.
    completion: (body, { signal }) => post('/api/dfns/sign-up/complete', body, signal),
  });
  // Once the person has saved the code; then registration?.recoveryKey?.credentialId is the ID to keep with it.
  const register = () => signUp.register({ credentialName: 'Passkey', recoveryKey: { recoveryCode } });
  return { ...signUp, register, recoveryCode };
}
