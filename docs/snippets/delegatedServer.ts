// On your backend (Node): the user's Dfns token never reaches the browser. Mount these on your routes.
import { DfnsApiClient, DfnsDelegatedApiClient, type SignUserActionChallengeRequest } from '@dfns/sdk';
import type { CreateCredentialBody, RecoverBody } from '@dfns/sdk/generated/auth';
import { serviceAccountSigner, serviceAccountToken, sessionOf } from './host.ts';

const baseUrl = 'https://api.dfns.io';
/** Dfns as the signed-in user: their token, from your session. */
const asUser = async (request: Request) =>
  new DfnsDelegatedApiClient({ baseUrl, authToken: (await sessionOf(request)).dfnsToken });
/** Dfns as your service account: its token, and its Key signs its own user actions. */
const serviceAccount = new DfnsApiClient({ baseUrl, authToken: serviceAccountToken, signer: serviceAccountSigner });

// POST /api/dfns/credentials/challenge { kind } → the challenge of a new credential (credkit's challengeSource).
export async function credentialChallenge(request: Request) {
  const { kind } = (await request.json()) as { kind: 'Fido2' | 'Key' };
  return (await asUser(request)).auth.createCredentialChallenge({ body: { kind } });
}

// POST /api/dfns/credentials/action { body } → the user-action challenge for exactly that body.
export async function credentialAction(request: Request) {
  const { body } = (await request.json()) as { body: CreateCredentialBody };
  return (await asUser(request)).auth.createCredentialInit({ body });
}

// POST /api/dfns/credentials { body, signedChallenge } → the new credential (what credkit's completion resolves with).
export async function createCredential(request: Request) {
  const { body, signedChallenge } = (await request.json()) as {
    body: CreateCredentialBody;
    signedChallenge: SignUserActionChallengeRequest;
  };
  // Dfns checks that the person signed this very body: a changed body is refused (403).
  return (await asUser(request)).auth.createCredentialComplete({ body }, signedChallenge);
}

// POST /api/dfns/recovery/challenge { credentialId } → the recovery challenge, for the person your app knows.
export async function recoveryChallenge(request: Request) {
  const { credentialId } = (await request.json()) as { credentialId: string };
  const { username } = await sessionOf(request);
  return serviceAccount.auth.createDelegatedRecoveryChallenge({ body: { username, credentialId } });
}

// POST /api/dfns/recovery { body, temporaryAuthenticationToken } → Dfns's answer (credkit's completion).
export async function recover(request: Request) {
  const { body, temporaryAuthenticationToken } = (await request.json()) as {
    body: RecoverBody;
    temporaryAuthenticationToken: string;
  };
  return new DfnsDelegatedApiClient({ baseUrl, authToken: temporaryAuthenticationToken }).auth.recover({ body });
}
