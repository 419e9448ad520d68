import { checkShape, nonEmptyString, object } from '../dfns/shape.ts';
import { CredkitError, type OperationRunPhase } from '../errors/credkitError.ts';
import { inPhase } from '../errors/inPhase.ts';
import { type Fetcher, type FetcherRequest, toFetcherError } from '../http/fetcher.ts';
import { sendChange } from '../userAction/sendWithUserAction.ts';
import type { UserActionSignerWithProtocol } from '../userAction/userAction.ts';

/** How long a credential code is valid when the caller does not say: one minute, the most Dfns allows. */
export const DEFAULT_CREDENTIAL_CODE_LIFETIME_MS = 60_000;

/** Options of {@link createCredentialCode}. */
export interface CreateCredentialCodeOptions {
  /** Makes the HTTP calls, as the signed-in user. */
  fetcher: Fetcher;
  /** Confirms the change with one of the user's credentials, as Dfns requires. Adds the phase `signing`. */
  userActionSigner?: UserActionSignerWithProtocol;
  /** How long the code is valid, in milliseconds (Dfns allows at most a minute). @defaultValue 60000 */
  lifetimeMs?: number;
  /** Aborts the request. */
  signal?: AbortSignal | undefined;
  /** Called as the request enters each phase. */
  onPhase?: (phase: OperationRunPhase) => void;
}

/** A one-time code that lets another device register a credential for this user. */
export interface CredentialCode {
  code: string;
  /** When it stops working (ISO 8601). */
  expiration: string;
}

const CODE_ANSWER = object({ code: nonEmptyString(), expiration: nonEmptyString() });

/**
 * `POST /auth/credentials/code` `{ expiration }` (user-action signed): a one-time code that another
 * device, without a session, uses to register a credential for the signed-in user.
 */
export async function createCredentialCode(options: CreateCredentialCodeOptions): Promise<CredentialCode> {
  const { fetcher, signal, onPhase } = options;
  const lifetimeMs = options.lifetimeMs ?? DEFAULT_CREDENTIAL_CODE_LIFETIME_MS;
  const expiration = new Date(Date.now() + lifetimeMs).toISOString();
  const request: FetcherRequest = { method: 'POST', path: '/auth/credentials/code', body: { expiration }, signal };
  const answer = await sendChange(fetcher, request, options.userActionSigner, onPhase);
  return inPhase('submitting', async () => {
    const { code, expiration: until } = checkShape(answer, CODE_ANSWER, {
      code: 'server',
      intro: 'The server sent an unusable credential code',
    });
    return { code, expiration: until };
  });
}

/**
 * The fetcher of a device that has a credential code and no session: credkit's registration
 * requests go to their code twins (`/auth/credentials/init` → `/auth/credentials/code/init` with the
 * code, `/auth/credentials` → `/auth/credentials/code/verify`), so every registration API works with
 * it unchanged. A code the server refuses (a 4xx on `code/init`) is `invalid-code`. A code makes one
 * credential: once it made one, or was refused, it is not sent again (an engine fetching its next
 * challenge ahead would spend a request, and a 4xx, on it) and fails `invalid-code` at once.
 */
export function withCredentialCode(fetcher: Fetcher, code: string): Fetcher {
  let used = false;
  // The server's refusal, told again (status, message) each time the code would be sent.
  let refusal: CredkitError | undefined;
  return async (request) => {
    if (request.method === 'POST' && request.path === '/auth/credentials/init') {
      if (refusal || used) {
        throw new CredkitError('invalid-code', {
          status: refusal?.status,
          serverMessage: refusal?.serverMessage,
          cause: refusal,
        });
      }
      const { kind } = (request.body ?? {}) as { kind?: unknown };
      try {
        return await fetcher({
          ...request,
          path: '/auth/credentials/code/init',
          body: { code: code.trim(), credentialKind: kind },
          bodyText: undefined,
        });
      } catch (error) {
        const failure = toFetcherError(error, request.signal);
        const refused = failure.status !== undefined && failure.status >= 400 && failure.status < 500;
        if (!refused) throw failure;
        refusal = new CredkitError('invalid-code', {
          status: failure.status,
          serverMessage: failure.serverMessage,
          cause: failure,
        });
        throw refusal;
      }
    }
    if (request.method === 'POST' && request.path === '/auth/credentials') {
      const answer = await fetcher({ ...request, path: '/auth/credentials/code/verify' });
      used = true;
      return answer;
    }
    return fetcher(request);
  };
}
