import { validateCreateCredentialResponse } from '../dfns/credentialResponse.ts';
import type { CreateCredentialBody, CreateCredentialResponse } from '../dfns/dfnsTypes.ts';
import { CredkitError, type OperationRunPhase } from '../errors/credkitError.ts';
import { inPhase } from '../errors/inPhase.ts';
import type { Fetcher, FetcherRequest } from '../http/fetcher.ts';
import { checkSigner } from '../userAction/checkSigner.ts';
import { sendChange } from '../userAction/sendWithUserAction.ts';
import type { UserActionSignerWithProtocol } from '../userAction/userAction.ts';
import { type Completion, callHost } from './hostBackend.ts';
import { checkHostOrFetcher, type HostOrFetcher, requireFetcher } from './requireFetcher.ts';

/** How {@link submitCredential} sends. */
export interface SubmitOptions {
  signal?: AbortSignal | undefined;
  /** Confirms the change with an existing credential (Dfns user-action signing) first. */
  userActionSigner?: UserActionSignerWithProtocol;
  /** The host's backend completes the registration instead (`createCredentialComplete`). */
  completion?: Completion<CreateCredentialBody>;
  onPhase?: (phase: OperationRunPhase) => void;
}

/**
 * Checks, before any ceremony, how the new credential will be sent: a signer with credkit's protocol,
 * a fetcher for each step the host does not take over, and no signer beside a completion (the host's
 * backend then obtains the user-action challenge; the browser signs it inside the completion, with
 * `signUserActionChallenge`).
 */
export function checkSubmitOptions(options: HostOrFetcher & { userActionSigner?: unknown }): void {
  checkSigner(options.userActionSigner);
  if (options.completion && options.userActionSigner) {
    throw new CredkitError('invalid-input', {
      message:
        'A completion and a userActionSigner: with a completion your backend confirms the change. Sign the user-action challenge it obtains with signUserActionChallenge(challenge, { signer }) inside your completion, and pass no userActionSigner.',
    });
  }
  checkHostOrFetcher(options);
}

/**
 * The new credential, validated: `POST /auth/credentials` with the body (with a signer, the phase
 * `signing` comes first: init → sign → action, then `submitting` with `X-DFNS-USERACTION`), or the
 * host's `completion` with exactly that body (phase `submitting`), resolving with Dfns's answer.
 */
export async function submitCredential(
  fetcher: Fetcher | undefined,
  body: CreateCredentialBody,
  { signal, userActionSigner, completion, onPhase }: SubmitOptions = {},
): Promise<CreateCredentialResponse> {
  let answer: unknown;
  if (completion) {
    onPhase?.('submitting');
    answer = await callHost((context) => completion(body, context), 'submitting', signal);
  } else {
    const request: FetcherRequest = { method: 'POST', path: '/auth/credentials', body, signal };
    answer = await sendChange(requireFetcher(fetcher, 'completion'), request, userActionSigner, onPhase);
  }
  return inPhase('submitting', async () => validateCreateCredentialResponse(answer));
}
