import type { Fetcher } from '@credkit/core';
import { useConditionalRegistration } from '@credkit/react';
import { rp } from './host.ts';

export function AfterPasswordSignIn({ fetcher }: { fetcher: Fetcher }) {
  // Asks the password manager once, without a prompt; only where conditionalCreate is reported. No
  // credentialName: the passkey is named after the password manager that made it.
  const { status } = useConditionalRegistration({ fetcher, rp });
  return status === 'registered' ? <p>Your password manager created a passkey.</p> : null;
}
