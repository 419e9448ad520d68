import { validateCreateCredentialResponse } from '../dfns/credentialResponse.ts';
import type { CreateCredentialBody, CreateCredentialResponse, CredentialKind } from '../dfns/dfnsTypes.ts';
import { abortError } from '../errors/abortError.ts';
import { CredkitError, isCredkitError, type RegistrationPhase } from '../errors/credkitError.ts';
import { type Fetcher, toFetcherError } from '../http/fetcher.ts';
import type { UserActionSignerWithProtocol } from '../userAction/userAction.ts';

/** Runs `run`, turning any failure into a CredkitError tagged with `phase` (unless it has one). */
export async function inPhase<T>(phase: RegistrationPhase, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const credkitError = isCredkitError(error) ? error : new CredkitError('unknown', { cause: error });
    credkitError.phase ??= phase;
    throw credkitError;
  }
}

/** Throws the abort's CredkitError when `signal` is aborted. */
export function throwIfAborted(signal: AbortSignal | undefined, phase: RegistrationPhase): void {
  if (signal?.aborted) throw abortError(signal, phase);
}

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

/** How {@link submitCredential} sends. */
export interface SubmitOptions {
  signal?: AbortSignal;
  /** Confirms the change with an existing credential (Dfns user-action signing) first. */
  userActionSigner?: UserActionSignerWithProtocol;
  onPhase?: (phase: RegistrationPhase) => void;
}

/**
 * `POST /auth/credentials` with the body → the validated new credential. With a signer, the phase
 * `signing` comes first (init → sign → action), then `submitting` with `X-DFNS-USERACTION`.
 */
export async function submitCredential(
  fetcher: Fetcher,
  body: CreateCredentialBody,
  { signal, userActionSigner, onPhase }: SubmitOptions = {},
): Promise<CreateCredentialResponse> {
  const request = { method: 'POST', path: '/auth/credentials', body, signal } as const;
  const send = async () => {
    if (!userActionSigner) {
      onPhase?.('submitting');
      return fetcher(request);
    }
    const bodyText = JSON.stringify(body);
    onPhase?.('signing');
    // The signer brings the protocol (init → sign → action): it is not bundled for hosts that never sign.
    const userAction = await inPhase('signing', () =>
      userActionSigner.obtainUserAction(fetcher, { ...request, bodyText }, signal),
    );
    throwIfAborted(signal, 'signing');
    onPhase?.('submitting');
    return fetcher({ ...request, bodyText, headers: { 'X-DFNS-USERACTION': userAction } });
  };
  return inPhase('submitting', async () => {
    const answer = await send().catch((error: unknown) => {
      if (isCredkitError(error)) throw error;
      throw signal?.aborted ? abortError(signal, 'submitting', error) : toFetcherError(error, signal);
    });
    return validateCreateCredentialResponse(answer);
  });
}

/**
 * Refuses, before any ceremony, a signer without credkit's protocol (a bare `{ sign }`, e.g. the Dfns
 * SDK's): found only after `create()`, it would leave a passkey the server never stored.
 */
export function checkSigner(signer: unknown): void {
  if (signer && typeof (signer as { obtainUserAction?: unknown }).obtainUserAction !== 'function') {
    throw new CredkitError('invalid-input', {
      message: 'This userActionSigner cannot confirm changes: wrap it with withUserActionProtocol(signer).',
    });
  }
}

/** Checks the credential name before anything is sent. */
export function checkCredentialName(credentialName: unknown): string {
  if (typeof credentialName !== 'string' || credentialName.trim() === '') {
    throw new CredkitError('invalid-input', { message: 'Give the credential a name.' });
  }
  return credentialName.trim();
}
