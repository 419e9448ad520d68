import { CredkitError } from '../errors/credkitError.ts';
import type { Fetcher } from '../http/fetcher.ts';

/** The options that decide who makes a flow's two calls to Dfns: the host's backend, or the kit through the fetcher. */
export interface HostOrFetcher {
  fetcher?: Fetcher;
  challengeSource?: unknown;
  completion?: unknown;
}

/** The fetcher, for a step the host's `instead` function does not take over; `invalid-input` when there is none. */
export function requireFetcher(fetcher: Fetcher | undefined, instead: 'challengeSource' | 'completion'): Fetcher {
  if (fetcher) return fetcher;
  throw new CredkitError('invalid-input', {
    message: `No fetcher: pass a fetcher, or a ${instead} for the step it would make.`,
  });
}

/**
 * Checks, before anything is fetched or made, that each step has a way to Dfns: the host's function
 * (`challengeSource`, `completion`), else the fetcher. Found after the ceremony, a missing one would
 * leave a passkey the server never stored.
 */
export function checkHostOrFetcher({ fetcher, challengeSource, completion }: HostOrFetcher): void {
  if (!challengeSource) requireFetcher(fetcher, 'challengeSource');
  if (!completion) requireFetcher(fetcher, 'completion');
}
