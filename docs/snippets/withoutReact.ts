import { createFetcher, isCredkitError, registerPasskey } from '@credkit/core';
import { getUserToken } from './host.ts';

const controller = new AbortController(); // optional: abort() stops the registration in any phase

try {
  const credential = await registerPasskey({
    fetcher: createFetcher({
      baseUrl: 'https://api.dfns.io',
      headers: async () => ({ Authorization: `Bearer ${await getUserToken()}` }),
    }),
    rp: { id: 'app.example.com', name: 'Example' },
    credentialName: 'Work laptop',
    timeout: 60_000, // default
    watchdogGraceMs: 3_000, // default: a create() still pending at timeout + grace is abandoned
    signal: controller.signal,
    onPhase: (phase) => console.log(phase), // 'challenge' | 'ceremony' | 'signing' | 'submitting'
  });
  console.log('registered', credential.credentialId);
} catch (error) {
  if (isCredkitError(error) && error.code === 'already-registered') {
    // this authenticator already holds a passkey for the user
  }
}
