import type { CredentialKind } from '../dfns/dfnsTypes.ts';
import { CredkitError, isCredkitError } from '../errors/credkitError.ts';
import { callFetcher } from '../http/callFetcher.ts';
import type { Fetcher, FetcherRequest } from '../http/fetcher.ts';
import { type ChallengeSource, callHost } from './hostBackend.ts';
import { requireFetcher } from './requireFetcher.ts';

/** Where a flow's challenge comes from: the host's `challengeSource` when given, else `fetcher`. */
export interface ChallengeOrigin {
  fetcher?: Fetcher;
  challengeSource?: ChallengeSource;
}

/**
 * The challenge, not yet validated: from the host's `challengeSource` (its backend asked Dfns), else
 * `request` through the fetcher. A success status with a body that is not JSON is an
 * `invalid-challenge`, like any other unusable challenge. Phase `challenge`.
 */
export async function requestChallenge(
  { fetcher, challengeSource }: ChallengeOrigin,
  request: FetcherRequest,
): Promise<unknown> {
  if (challengeSource) return callHost(challengeSource, 'challenge', request.signal);
  try {
    return await callFetcher(requireFetcher(fetcher, 'challengeSource'), request, 'challenge');
  } catch (error) {
    // A `server` error with a success status: the answer came, but it is not JSON (see createFetcher).
    if (isCredkitError(error) && error.code === 'server' && error.status !== undefined && error.status < 300) {
      throw new CredkitError('invalid-challenge', {
        message: `The server sent an invalid registration challenge: ${error.message}`,
        phase: 'challenge',
        cause: error,
      });
    }
    throw error;
  }
}

/**
 * The challenge of a new credential as the server sent it, not yet checked: `POST /auth/credentials/init`
 * `{ kind }`, or the host's `challengeSource` (its backend called it with the user's token).
 */
export function requestCredentialChallenge(
  origin: ChallengeOrigin,
  kind: CredentialKind,
  signal?: AbortSignal,
): Promise<unknown> {
  return requestChallenge(origin, { method: 'POST', path: '/auth/credentials/init', body: { kind }, signal });
}

/** The challenge of a new credential (see {@link requestCredentialChallenge}), checked by `validate`. */
export async function fetchChallenge<T>(
  origin: ChallengeOrigin,
  kind: CredentialKind,
  validate: (value: unknown) => T,
  signal?: AbortSignal,
): Promise<T> {
  return validate(await requestCredentialChallenge(origin, kind, signal));
}
