import type { Fetcher } from '@credkit/core';
import { useConditionalRegistration } from '@credkit/react';
import { rp } from './host.ts';

export function AfterPasswordSignIn({ fetcher }: { fetcher: Fetcher }) {
  // Asks the password manager once, without a prompt; only where conditionalCreate is reported.
  const { status } = useConditionalRegistration({ fetcher, rp, credentialName: 'Passkey' });
  return status === 'registered' ? <p>Your password manager created a passkey.</p> : null;
}
