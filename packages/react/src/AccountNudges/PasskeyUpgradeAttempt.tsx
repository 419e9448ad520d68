import type { CreateCredentialResponse } from '@credkit/core';
import { useEffect } from 'react';
import {
  type ConditionalRegistrationStatus,
  type UseConditionalRegistrationOptions,
  useConditionalRegistration,
} from '../useConditionalRegistration.ts';

/**
 * The automatic upgrade behind "add a passkey here" (`useConditionalRegistration`), mounted only
 * while that nudge is shown: a "Not now", or the nudge gone, ends a pending attempt. Renders nothing.
 */
export function PasskeyUpgradeAttempt({
  options,
  onStatus,
  onUpgraded,
}: {
  options: Omit<UseConditionalRegistrationOptions, 'enabled'>;
  /** The attempt's status as it changes; `undefined` once it is unmounted (no attempt running). */
  onStatus: (status: ConditionalRegistrationStatus | undefined) => void;
  onUpgraded: (credential: CreateCredentialResponse) => void;
}) {
  const { status } = useConditionalRegistration({
    ...options,
    onRegistered: (credential) => {
      onUpgraded(credential);
      options.onRegistered?.(credential);
    },
  });
  useEffect(() => onStatus(status), [status, onStatus]);
  useEffect(() => () => onStatus(undefined), [onStatus]);
  return null;
}
