import {
  type CredentialRegistration,
  type CredentialRegistrationOptions,
  createCredentialRegistration,
} from '@credkit/core';
import { useQueryClient } from '@tanstack/react-query';
import { credentialsQueryKey } from './queryKeys.ts';
import { useEngine } from './useEngine.ts';

/**
 * Core's `createCredentialRegistration` in a component, with the host's credential list
 * ({@link credentialsQueryKey}) invalidated after each registration. What `useRegisterPasskey` and
 * `useConditionalRegistration` are built on.
 */
export function useCredentialRegistration(options: CredentialRegistrationOptions): {
  engine: CredentialRegistration;
  snapshot: ReturnType<CredentialRegistration['getSnapshot']>;
} {
  const queryClient = useQueryClient();
  return useEngine(createCredentialRegistration, {
    ...options,
    onRegistered: (credential, key) => {
      void queryClient.invalidateQueries({ queryKey: credentialsQueryKey });
      options.onRegistered?.(credential, key);
    },
  });
}
