import { type CredkitError, type SetCredentialActiveOptions, setCredentialActive } from '@credkit/core';
import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query';
import { credentialsQueryKey } from './queryKeys.ts';

/** Options of {@link useSetCredentialActive}: how to send (the fetcher, the signer). */
export type UseSetCredentialActiveOptions = Pick<SetCredentialActiveOptions, 'fetcher' | 'userActionSigner'>;

/** What one change needs: the credential, and whether it should be active. */
export type SetCredentialActiveInput = Pick<SetCredentialActiveOptions, 'credentialUuid' | 'active'>;

/**
 * Activates or deactivates one of the user's credentials (user-action signed), then refreshes the
 * credential list ({@link credentialsQueryKey}). A react-query mutation: `mutate({ credentialUuid, active })`.
 */
export function useSetCredentialActive(
  options: UseSetCredentialActiveOptions,
): UseMutationResult<void, CredkitError, SetCredentialActiveInput> {
  const queryClient = useQueryClient();
  return useMutation<void, CredkitError, SetCredentialActiveInput>({
    mutationFn: (input) => setCredentialActive({ ...options, ...input }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: credentialsQueryKey }),
  });
}
