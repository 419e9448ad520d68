import type { CredentialKind } from '../dfns/dfnsTypes.ts';
import { abortError } from '../errors/abortError.ts';
import { CredkitError } from '../errors/credkitError.ts';
import { inPhase } from '../errors/inPhase.ts';
import { type Fetcher, toFetcherError } from '../http/fetcher.ts';

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
  const body = await inPhase('challenge', () =>
    fetcher({ method: 'POST', path: '/auth/credentials/init', body: { kind }, signal }).catch((error: unknown) => {
      if (signal?.aborted) throw abortError(signal, 'challenge', error);
      const fetcherError = toFetcherError(error, signal);
      if (fetcherError.code === 'server' && fetcherError.status !== undefined && fetcherError.status < 300) {
        throw new CredkitError('invalid-challenge', {
          message: `The server sent an invalid registration challenge: ${fetcherError.message}`,
          cause: fetcherError,
        });
      }
      throw fetcherError;
    }),
  );
  return validate(body);
}
