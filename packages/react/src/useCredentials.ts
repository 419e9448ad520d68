import { type CreateCredentialResponse, type CredkitError, type Fetcher, listCredentials } from '@credkit/core';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { credentialsQueryKey } from './queryKeys.ts';

/**
 * The caller's credentials (`GET /auth/credentials`) under {@link credentialsQueryKey}, so the list
 * refreshes after `useRegisterPasskey` succeeds. Needs the host's `QueryClientProvider`.
 */
export function useCredentials(fetcher: Fetcher): UseQueryResult<CreateCredentialResponse[], CredkitError> {
  return useQuery<CreateCredentialResponse[], CredkitError>({
    queryKey: credentialsQueryKey,
    queryFn: ({ signal }) => listCredentials(fetcher, signal),
  });
}
