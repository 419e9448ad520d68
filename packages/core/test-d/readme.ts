import { createFetcher, createWebAuthnUserActionSigner, isCredkitError, registerPasskey } from '@credkit/core';

// Your HTTP client: the base URL and the auth headers are yours (here a Dfns user token your app holds).
const fetcher = createFetcher({
  baseUrl: 'https://api.dfns.io',
  headers: () => ({ Authorization: `Bearer ${sessionStorage.getItem('dfns-token')}` }),
});
const rp = { id: 'app.example.com', name: 'Example' };

try {
  const credential = await registerPasskey({
    fetcher,
    rp,
    credentialName: 'Work laptop',
    // Dfns has an existing passkey of the user confirm the change (user-action signing).
    userActionSigner: createWebAuthnUserActionSigner({ rpId: rp.id }),
  });
  console.log('registered', credential.credentialId);
} catch (error) {
  if (isCredkitError(error)) console.warn(error.code, error.message); // e.g. 'cancelled', 'timed-out'
}
