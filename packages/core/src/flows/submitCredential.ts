import { validateCreateCredentialResponse } from '../dfns/credentialResponse.ts';
import type { CreateCredentialBody, CreateCredentialResponse } from '../dfns/dfnsTypes.ts';
import { throwIfAborted } from '../errors/abortError.ts';
import type { RegistrationPhase } from '../errors/credkitError.ts';
import { inPhase } from '../errors/inPhase.ts';
import { callFetcher } from '../http/callFetcher.ts';
import type { Fetcher } from '../http/fetcher.ts';
import type { UserActionSignerWithProtocol } from '../userAction/userAction.ts';

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
      return callFetcher(fetcher, request, 'submitting');
    }
    const bodyText = JSON.stringify(body);
    onPhase?.('signing');
    // The signer brings the protocol (init → sign → action): it is not bundled for hosts that never sign.
    const userAction = await inPhase('signing', () =>
      userActionSigner.obtainUserAction(fetcher, { ...request, bodyText }, signal),
    );
    throwIfAborted(signal, 'signing');
    onPhase?.('submitting');
    return callFetcher(fetcher, { ...request, bodyText, headers: { 'X-DFNS-USERACTION': userAction } }, 'submitting');
  };
  const answer = await send();
  return inPhase('submitting', async () => validateCreateCredentialResponse(answer));
}
