import {
  type CreateCredentialResponse,
  type CredkitError,
  type Fetcher,
  listCredentials,
  type PasskeySignalUser,
  signalAcceptedPasskeys,
} from '@credkit/core';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
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

/** Options of {@link useCredentials}. */
export interface UseCredentialsOptions {
  /**
   * The signed-in Dfns user (`userFromToken(token)` reads it from a Dfns token). With it, each list
   * loaded tells the passkey manager which of the user's passkeys the server still accepts
   * (`signalAllAcceptedCredentials`, where the browser has it): a deactivated passkey stops being
   * offered, an activated one comes back.
   */
  user?: PasskeySignalUser | undefined;
}

/**
 * The caller's credentials (`GET /auth/credentials`) under {@link credentialsQueryKey}, so the list
 * refreshes after `useRegisterPasskey` succeeds (and after `useSetCredentialActive`). Needs the
 * host's `QueryClientProvider`.
 */
export function useCredentials(
  fetcher: Fetcher,
  { user }: UseCredentialsOptions = {},
): UseQueryResult<CreateCredentialResponse[], CredkitError> {
  const query = useQuery<CreateCredentialResponse[], CredkitError>({
    queryKey: credentialsQueryKey,
    queryFn: ({ signal }) => listCredentials(fetcher, signal),
    retry: shouldRetry,
  });
  const { data } = query;
  const userId = user?.id;
  const rpId = user?.rpId;
  // Each new list (react-query keeps the same array while nothing changed) is the full truth.
  useEffect(() => {
    if (data && userId !== undefined) void signalAcceptedPasskeys(data, { id: userId, rpId });
  }, [data, userId, rpId]);
  return query;
}
