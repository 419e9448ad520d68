import { callFetcher } from '../http/callFetcher.ts';
import type { Fetcher } from '../http/fetcher.ts';

/** Options of {@link logout}. */
export interface LogoutOptions {
  /** Makes the call as the signed-in user: your fetcher sends their token (`Authorization: Bearer`). */
  fetcher: Fetcher;
  /** Ends every token of the user (every device), not only this one. @defaultValue false */
  allSessions?: boolean;
  /** Aborts the request. */
  signal?: AbortSignal | undefined;
}

/**
 * Signs the user out: `PUT /auth/logout` `{ allSessions? }` ends the token the fetcher sends (or,
 * with `allSessions`, all of the user's). Resolves once the server has ended it; forget the token
 * in the page whatever the outcome.
 */
export async function logout({ fetcher, allSessions = false, signal }: LogoutOptions): Promise<void> {
  await callFetcher(
    fetcher,
    { method: 'PUT', path: '/auth/logout', body: allSessions ? { allSessions } : {}, signal },
    'submitting',
  );
}
