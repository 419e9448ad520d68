import { validateListCredentialsResponse } from '../dfns/credentialResponse.ts';
import type { CreateCredentialResponse } from '../dfns/dfnsTypes.ts';
import { callFetcher } from '../http/callFetcher.ts';
import type { Fetcher } from '../http/fetcher.ts';

/** Lists the caller's credentials (`GET /auth/credentials`), validated. */
export async function listCredentials(fetcher: Fetcher, signal?: AbortSignal): Promise<CreateCredentialResponse[]> {
  const body = await callFetcher(fetcher, { method: 'GET', path: '/auth/credentials', signal });
  return validateListCredentialsResponse(body).items;
}
