import { useConditionalRegistration } from '@credkit/react';
import { ceremony, fetcher, rp } from './config.ts';

/**
 * `/?embed&upgrade`: what a host runs right after a password sign-in. The password manager may
 * create a passkey without a prompt (conditional create); nothing is shown unless it did.
 */
export function PasskeyUpgrade() {
  const { status, credential, error } = useConditionalRegistration({
    fetcher,
    rp,
    ceremony,
    credentialName: 'Automatic passkey',
  });
  return (
    // `data-error-code`: why it failed, for logs and tests; the person is shown nothing.
    <p data-testid="passkey-upgrade" data-status={status} data-error-code={error?.code}>
      {status === 'registered' && credential ? `Your password manager created the passkey “${credential.name}”.` : null}
    </p>
  );
}
