import { type CredkitError, type LogoutOptions, logout } from '@credkit/core';
import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query';
import { credentialsQueryKey } from './queryKeys.ts';

/** Options of {@link useLogout}: the fetcher that sends the user's token. */
export type UseLogoutOptions = Pick<LogoutOptions, 'fetcher'>;

/** What one sign-out may ask: `allSessions` ends every token of the user. */
export type LogoutInput = Pick<LogoutOptions, 'allSessions'>;

// biome-ignore lint/suspicious/noConfusingVoidType: react-query's idiom, so that `mutate()` needs no argument.
type LogoutVariables = LogoutInput | void;

/**
 * Signs the user out (`PUT /auth/logout`), and drops the cached credential list
 * ({@link credentialsQueryKey}) whatever the answer. A react-query mutation: `mutate()` or
 * `mutate({ allSessions: true })`; forget your copy of the token in `onSettled` too, so that a failed
 * call still signs out this page (and leaves no list of the user behind for the next one).
 */
export function useLogout(options: UseLogoutOptions): UseMutationResult<void, CredkitError, LogoutVariables> {
  const queryClient = useQueryClient();
  return useMutation<void, CredkitError, LogoutVariables>({
    mutationFn: (input) => logout({ ...options, ...input }),
    // Offline, it fails as `network` instead of waiting for the connection: the page signs out anyway.
    networkMode: 'always',
    onSettled: () => queryClient.removeQueries({ queryKey: credentialsQueryKey }),
  });
}
