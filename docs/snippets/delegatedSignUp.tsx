import { generateRecoveryCode } from '@credkit/core/keys';
import { useRegisterUser } from '@credkit/react';
import { useState } from 'react';
import { rp } from './host.ts';
import { post } from './myBackend.ts';

// Sign-up when your backend registers the user (POST /auth/registration/delegated): no orgId, no
// username for the kit, no fetcher. The recovery code is shown, and confirmed, before the request.
export function useDelegatedSignUp(email: string) {
  const [recoveryCode] = useState(generateRecoveryCode);
  const signUp = useRegisterUser({
    rp,
    // Your backend's service account asks Dfns for the challenge, and keeps its temporary token.
    challengeSource: ({ signal }) => post('/api/dfns/registration/challenge', { email }, signal),
    // Exactly the POST /auth/registration/enduser body; your backend sends it under that token.
    completion: (body, { signal }) => post('/api/dfns/registration', body, signal),
    recoveryKey: { recoveryCode },
  });
  // signUp.register({ credentialName: 'Passkey' }) once the person has saved the code; then
  // signUp.registration?.recoveryKey?.credentialId is the ID to keep with it.
  return { ...signUp, recoveryCode };
}
