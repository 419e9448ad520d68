import { createFetcher } from '@credkit/core';
import {
  type Fido2CredentialChallenge,
  fromRegistrationResponse,
  toRegistrationOptionsJSON,
} from '@credkit/core/simplewebauthn';
import { startRegistration } from '@simplewebauthn/browser';
import { getUserToken } from './host.ts';

const fetcher = createFetcher({
  baseUrl: 'https://api.dfns.io',
  headers: async () => ({ Authorization: `Bearer ${await getUserToken()}` }),
});

export async function addPasskey(credentialName: string) {
  const challenge = (await fetcher({
    method: 'POST',
    path: '/auth/credentials/init',
    body: { kind: 'Fido2' },
  })) as Fido2CredentialChallenge;
  // The Dfns byte rules: challenge and user.id are the UTF-8 bytes of their strings.
  const optionsJSON = toRegistrationOptionsJSON(challenge, { rp: { id: 'app.example.com', name: 'Example' } });
  const response = await startRegistration({ optionsJSON });
  return fetcher({
    method: 'POST',
    path: '/auth/credentials',
    body: {
      credentialKind: 'Fido2',
      credentialInfo: fromRegistrationResponse(response),
      credentialName,
      challengeIdentifier: challenge.challengeIdentifier,
    },
  });
}
