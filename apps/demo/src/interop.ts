// The published Dfns browser SDK, unchanged, against the mock: its WebAuthnSigner creates a Fido2
// credential and its DfnsApiClient registers a user with it. Only the base URL points at the mock.
import { DfnsApiClient } from '@dfns/sdk';
import { WebAuthnSigner } from '@dfns/sdk-browser';
import { apiBaseUrl, orgId } from './config.ts';

async function signUp(username: string) {
  const relyingParty = { id: window.location.hostname, name: 'credkit demo' };
  const anonymous = new DfnsApiClient({ baseUrl: apiBaseUrl, orgId } as never);
  const challenge = await anonymous.auth.createRegistrationChallenge({
    body: { orgId, username, registrationCode: '000000' },
  });
  const firstFactorCredential = await new WebAuthnSigner({ relyingParty }).create(challenge as never);
  const registering = new DfnsApiClient({
    baseUrl: apiBaseUrl,
    authToken: challenge.temporaryAuthenticationToken,
  } as never);
  const registered = await registering.auth.registerEndUser({
    body: {
      firstFactorCredential: { ...firstFactorCredential, credentialName: 'Dfns SDK passkey' },
      wallets: [],
    } as never,
  });
  const client = new DfnsApiClient({ baseUrl: apiBaseUrl, orgId, authToken: registered.authentication.token } as never);
  const list = await client.auth.listCredentials();
  return { credentialId: firstFactorCredential.credentialInfo.credId, username: registered.user.username, list };
}

declare global {
  interface Window {
    dfnsSdkInterop: { signUp: typeof signUp };
  }
}

window.dfnsSdkInterop = { signUp };
