import type { RegisterEndUserBody } from '@credkit/core';
import { DfnsApiClient } from '@dfns/sdk';
import { orgId, saveDfnsToken, serviceAccount } from './host.ts';

const baseUrl = 'https://api.dfns.io';
const dfns = new DfnsApiClient({ baseUrl, orgId, ...serviceAccount });
// Your user → the temporary token of their sign-up in progress (keep it in your session store).
const signUps = new Map<string, string>();

/** POST /api/dfns/sign-up/challenge, for the user signed in to your app: Dfns's challenge, as is. */
export async function signUpChallenge(user: { id: string; email: string }) {
  const challenge = await dfns.auth.createDelegatedRegistrationChallenge({
    body: { kind: 'EndUser', email: user.email },
  });
  signUps.set(user.id, challenge.temporaryAuthenticationToken);
  return challenge;
}

/** POST /api/dfns/sign-up/complete: credkit's body, registered under the temporary token. */
export async function completeSignUp(user: { id: string }, body: RegisterEndUserBody) {
  const authToken = signUps.get(user.id);
  if (!authToken) throw new Error('No sign-up in progress');
  signUps.delete(user.id);
  const registered = await new DfnsApiClient({ baseUrl, orgId, authToken }).auth.registerEndUser({
    body: { ...body, wallets: [{ network: 'EthereumSepolia' }] },
  });
  // The user's Dfns token stays here; the browser gets the rest.
  const { authentication, ...answer } = registered;
  await saveDfnsToken(user.id, authentication.token);
  return answer;
}
