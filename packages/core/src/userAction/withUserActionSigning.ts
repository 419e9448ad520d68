import type { Fetcher, FetcherRequest } from '../http/fetcher.ts';
import { sendWithUserAction } from './sendWithUserAction.ts';
import { type UserActionSigner, withUserActionProtocol } from './userAction.ts';

// Calls that Dfns does not sign: reading, and the signing and sign-in flows themselves.
const UNSIGNED_PATHS = /^\/auth\/(action|login|registration|credentials\/init|credentials\/code\/init)(\/|$)/;

function isChangeInducing({ method, path }: FetcherRequest): boolean {
  return method !== 'GET' && !UNSIGNED_PATHS.test(path);
}

/**
 * Wraps a host fetcher so that every change-inducing request (by default: any method but GET,
 * outside the auth flows) runs init → sign → action → the request with `X-DFNS-USERACTION`, the same
 * body bytes signed and sent.
 */
export function withUserActionSigning(
  fetcher: Fetcher,
  signer: UserActionSigner,
  { shouldSign = isChangeInducing }: { shouldSign?: (request: FetcherRequest) => boolean } = {},
): Fetcher {
  const signing = withUserActionProtocol(signer);
  return (request) => (shouldSign(request) ? sendWithUserAction(fetcher, signing, request) : fetcher(request));
}
