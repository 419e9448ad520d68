import { type CeremonyEvent, createFetcher } from '@credkit/core';
import { RegisterCredential, usePasskeyLogin } from '@credkit/react';

const fetcher = createFetcher({ baseUrl: 'https://api.dfns.io' });

// One callback for every controller, hook and component: what happened, never who.
function report(event: CeremonyEvent) {
  // e.g. { type: 'cancelled', kind: 'sign-in', credentialKind: 'Fido2', phase: 'signing',
  //        durationMs: 4210, promptMs: 3980, code: 'cancelled' }
  navigator.sendBeacon('/analytics', JSON.stringify(event));
}

export function AddPasskey() {
  return <RegisterCredential fetcher={fetcher} rp={{ id: 'app.example.com', name: 'Example' }} onEvent={report} />;
}

export function useSignIn() {
  return usePasskeyLogin({ fetcher, orgId: 'or-example', onEvent: report });
}
