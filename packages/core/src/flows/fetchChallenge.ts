import type { CredentialKind } from '../dfns/dfnsTypes.ts';
import { CredkitError, isCredkitError } from '../errors/credkitError.ts';
import { callFetcher } from '../http/callFetcher.ts';
import type { Fetcher } from '../http/fetcher.ts';

/**
 * `POST /auth/credentials/init` `{ kind }` → the challenge, checked by `validate`. A success status
 * with a body that is not JSON is an `invalid-challenge`, like any other unusable challenge.
 */
export async function fetchChallenge<T>(
  fetcher: Fetcher,
  kind: CredentialKind,
  validate: (value: unknown) => T,
  signal?: AbortSignal,
): Promise<T> {
  let body: unknown;
  try {
    body = await callFetcher(
      fetcher,
      { method: 'POST', path: '/auth/credentials/init', body: { kind }, signal },
      'challenge',
    );
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
  return validate(body);
}
