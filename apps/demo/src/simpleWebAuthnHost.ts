// A host that already ships @simplewebauthn/browser and calls `startRegistration` itself: credkit
// only maps the Dfns challenge to SimpleWebAuthn's options JSON (the Dfns byte rules) and
// SimpleWebAuthn's answer to the Dfns `credentialInfo`. HTTP goes through credkit's `createFetcher`
// (config.ts), against the simple embed: load the page with `?embed` (user-action signing off,
// token `demo-token`).
import {
  type Fido2CredentialChallenge,
  fromRegistrationResponse,
  toRegistrationOptionsJSON,
} from '@credkit/core/simplewebauthn';
import { startRegistration } from '@simplewebauthn/browser';
import { embed, fetcher, rp } from './config.ts';
import { mockInBrowser } from './mockApi.ts';

async function register(credentialName: string) {
  if (!embed) throw new Error('Load this page as /simplewebauthn.html?embed: it registers on the simple embed.');
  const challenge = (await fetcher({
    method: 'POST',
    path: '/auth/credentials/init',
    body: { kind: 'Fido2' },
  })) as Fido2CredentialChallenge;
  const optionsJSON = toRegistrationOptionsJSON(challenge, { rp });
  // The host's own call: no credkit ceremony, no credkit watchdog.
  const response = await startRegistration({ optionsJSON });
  const credential = await fetcher({
    method: 'POST',
    path: '/auth/credentials',
    body: {
      credentialKind: 'Fido2',
      credentialInfo: fromRegistrationResponse(response),
      credentialName,
      challengeIdentifier: challenge.challengeIdentifier,
    },
  });
  return { rawId: response.rawId, credential };
}

declare global {
  interface Window {
    simpleWebAuthnHost: { register: typeof register };
  }
}

// The static build answers the API in this page, behind the Service Worker: exposed once it does.
const ready = mockInBrowser
  ? import('./browserMockApi.ts').then(({ startBrowserMockApi }) => startBrowserMockApi())
  : Promise.resolve();
ready.then(
  () => {
    window.simpleWebAuthnHost = { register };
  },
  (error: unknown) => console.error('The in-page mock API did not start:', error),
);
