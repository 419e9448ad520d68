import { type CreateCredentialResponse, type CredkitError, type Fetcher, listCredentials } from '@credkit/core';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { credentialsQueryKey } from './queryKeys.ts';

/** How many times a failed list is fetched again. */
const MAX_RETRIES = 3;

/**
 * Only what may pass on a second try is retried: no answer (`network`) or a 5xx. A 4xx (no token,
 * forbidden) fails the same way again, and the person would wait seconds for the error.
 */
function shouldRetry(failureCount: number, error: CredkitError): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  return error.code === 'network' || (error.status !== undefined && error.status >= 500);
}

/**
 * The caller's credentials (`GET /auth/credentials`) under {@link credentialsQueryKey}, so the list
 * refreshes after `useRegisterPasskey` succeeds. Needs the host's `QueryClientProvider`.
 */
export function useCredentials(fetcher: Fetcher): UseQueryResult<CreateCredentialResponse[], CredkitError> {
  return useQuery<CreateCredentialResponse[], CredkitError>({
    queryKey: credentialsQueryKey,
    queryFn: ({ signal }) => listCredentials(fetcher, signal),
    retry: shouldRetry,
  });
}
