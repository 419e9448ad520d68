import { abortError } from '../errors/abortError.ts';
import type { CredkitError, OperationRunPhase } from '../errors/credkitError.ts';
import { toFetcherError } from '../http/fetcher.ts';

/** What the kit hands the host's {@link ChallengeSource} and {@link Completion}. */
export interface HostCallContext {
  /** Aborted when the flow is (cancel, unmount, a newer call): pass it to your `fetch`. */
  signal?: AbortSignal | undefined;
}

/**
 * Where a flow's challenge comes from when the host's backend obtains it (Dfns's delegated flows:
 * `POST /auth/registration/delegated`, `/auth/recover/user/delegated`, or `/auth/credentials/init`
 * called by the backend with the user's token). Called instead of the kit's own `…/init` request, it
 * resolves with the challenge exactly as Dfns answered the backend; the kit validates it as it
 * validates its own. A rejection becomes a `CredkitError` of the phase `challenge` (a thrown
 * `CredkitError` is kept; a `fetch` `TypeError` is `network`; an error with `httpStatus` or `status`,
 * such as the Dfns SDK's `DfnsError`, is `server` or `forbidden`). A flow may hand more than the signal
 * in `Context` (recovery adds what the person typed: the recovery key's id).
 */
export type ChallengeSource<Context extends HostCallContext = HostCallContext> = (context: Context) => Promise<unknown>;

/**
 * How a flow ends when the host's backend completes it: called instead of the kit's own completing
 * request with exactly the body Dfns's completing endpoint takes (`POST /auth/credentials`,
 * `/auth/registration/enduser`, `/auth/recover/user`), it resolves with Dfns's answer as the backend
 * received it; the kit validates it. A rejection becomes a `CredkitError` of the phase `submitting`,
 * classified as for {@link ChallengeSource}. A flow may hand more than the signal in `Context` (recovery
 * adds the challenge's temporary token).
 */
export type Completion<Body, Context extends HostCallContext = HostCallContext> = (
  body: Body,
  context: Context,
) => Promise<unknown>;

/**
 * Calls one of the host's functions; any failure comes back as a CredkitError tagged with `phase`
 * (unless it has one). When `signal` is aborted, the abort is the failure, as with the fetcher.
 */
export async function callHost(
  call: (context: HostCallContext) => Promise<unknown>,
  phase: OperationRunPhase,
  signal: AbortSignal | undefined,
): Promise<unknown> {
  try {
    return await call(signal ? { signal } : {});
  } catch (error) {
    const failure: CredkitError = signal?.aborted ? abortError(signal, phase, error) : toFetcherError(error, signal);
    failure.phase ??= phase;
    throw failure;
  }
}
