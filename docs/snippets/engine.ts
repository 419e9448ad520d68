import { createCredentialRegistrationController, createFetcher } from '@credkit/core';

// The engine the React hooks adapt, in any framework: subscribe, read the snapshot, act.
const registration = createCredentialRegistrationController({
  fetcher: createFetcher({ baseUrl: 'https://api.dfns.io' }),
  rp: { id: 'app.example.com', name: 'Example' },
});
const unmount = registration.mount(); // prefetches the challenge, so a click goes straight to the prompt
const unsubscribe = registration.subscribe(() => {
  const { phase, data, error } = registration.getSnapshot();
  if (phase === 'success') console.log('registered', data?.credential.name);
  if (phase === 'error') console.warn(error?.code, error?.message);
});

document.querySelector('button')?.addEventListener('click', () => {
  registration.start({ credentialName: 'Work laptop' });
});

export function dispose() {
  unsubscribe();
  unmount(); // stops the prefetch and abandons a running registration
}
