import { createSoftwareAuthenticator } from '@credkit/mock-backend/testing';

/** The body of `POST /auth/credentials/init`, from the backend under test. */
declare const challengeResponse: { challenge: string };

const authenticator = createSoftwareAuthenticator();
const credentialInfo = await authenticator.register({
  challenge: challengeResponse.challenge, // the Dfns challenge string
  rpId: 'localhost',
  origin: 'http://localhost:5173',
  // type: 'webauthn.get', credentialId: '…' — to build deliberately wrong registrations
});
console.log(credentialInfo.credId);
