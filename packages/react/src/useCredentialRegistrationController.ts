import {
  type CredentialRegistrationController,
  type CredentialRegistrationOptions,
  type CredentialRegistrationSnapshot,
  createCredentialRegistrationController,
} from '@credkit/core';
import { useQueryClient } from '@tanstack/react-query';
import { credentialsQueryKey } from './queryKeys.ts';
import { useController } from './useController.ts';

/**
 * Core's `createCredentialRegistrationController` in a component, with the host's credential list
 * ({@link credentialsQueryKey}) invalidated after each registration. What `useRegisterCredential` and
 * `useConditionalRegistration` are built on.
 */
export function useCredentialRegistrationController(options: CredentialRegistrationOptions): {
  controller: CredentialRegistrationController;
  snapshot: CredentialRegistrationSnapshot;
} {
  const queryClient = useQueryClient();
  return useController(createCredentialRegistrationController, {
    ...options,
    onRegistered: (credential, key) => {
      void queryClient.invalidateQueries({ queryKey: credentialsQueryKey });
      options.onRegistered?.(credential, key);
    },
  });
}
