import { throwIfAborted } from '../errors/abortError.ts';
import type { OperationRunPhase } from '../errors/credkitError.ts';
import { inPhase } from '../errors/inPhase.ts';
import { callFetcher } from '../http/callFetcher.ts';
import type { Fetcher, FetcherRequest } from '../http/fetcher.ts';
import type { UserActionSignerWithProtocol } from './userAction.ts';

/**
 * Sends a change-inducing request with Dfns user-action signing: the body is serialised once, the
 * signer confirms that text (init → sign → action, phase `signing`), and the same bytes are sent with
 * `X-DFNS-USERACTION` (phase `submitting`). Resolves with the answer, not validated.
 */
export async function sendWithUserAction(
  fetcher: Fetcher,
  signer: UserActionSignerWithProtocol,
  request: FetcherRequest,
  onPhase?: (phase: OperationRunPhase) => void,
): Promise<unknown> {
  const { signal } = request;
  const bodyText = request.bodyText ?? JSON.stringify(request.body ?? {});

  onPhase?.('signing');
  // The signer brings the protocol (init → sign → action): it is not bundled for hosts that never sign.
  const userAction = await inPhase('signing', () =>
    signer.obtainUserAction(fetcher, { method: request.method, path: request.path, bodyText }, signal),
  );
  throwIfAborted(signal, 'signing');

  onPhase?.('submitting');
  const headers = { ...request.headers, 'X-DFNS-USERACTION': userAction };
  return callFetcher(fetcher, { ...request, bodyText, headers }, 'submitting');
}

/**
 * Sends a change-inducing request: with user-action signing when there is a signer (phases
 * `signing`, then `submitting`), as it is otherwise (`submitting`). Resolves with the answer, not validated.
 */
export function sendChange(
  fetcher: Fetcher,
  request: FetcherRequest,
  signer: UserActionSignerWithProtocol | undefined,
  onPhase?: (phase: OperationRunPhase) => void,
): Promise<unknown> {
  if (signer) return sendWithUserAction(fetcher, signer, request, onPhase);
  onPhase?.('submitting');
  return callFetcher(fetcher, request, 'submitting');
}
