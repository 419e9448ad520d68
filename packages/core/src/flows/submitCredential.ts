import { validateCreateCredentialResponse } from '../dfns/credentialResponse.ts';
import type { CreateCredentialBody, CreateCredentialResponse } from '../dfns/dfnsTypes.ts';
import type { RegistrationPhase } from '../errors/credkitError.ts';
import { inPhase } from '../errors/inPhase.ts';
import type { Fetcher, FetcherRequest } from '../http/fetcher.ts';
import { sendChange } from '../userAction/sendWithUserAction.ts';
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
  const request: FetcherRequest = { method: 'POST', path: '/auth/credentials', body, signal };
  const answer = await sendChange(fetcher, request, userActionSigner, onPhase);
  return inPhase('submitting', async () => validateCreateCredentialResponse(answer));
}
