import { validateListCredentialsResponse } from '../dfns/credentialResponse.ts';
import type { CreateCredentialResponse } from '../dfns/dfnsTypes.ts';
import { type Fetcher, toFetcherError } from '../http/fetcher.ts';

/** Lists the caller's credentials (`GET /auth/credentials`), validated. */
export async function listCredentials(fetcher: Fetcher, signal?: AbortSignal): Promise<CreateCredentialResponse[]> {
  const body = await fetcher({ method: 'GET', path: '/auth/credentials', signal }).catch((error: unknown) => {
    throw toFetcherError(error, signal);
  });
  return validateListCredentialsResponse(body).items;
}
