import { abortError } from '../errors/abortError.ts';
import type { OperationRunPhase } from '../errors/credkitError.ts';
import { type Fetcher, type FetcherRequest, toFetcherError } from './fetcher.ts';

/**
 * Calls the host's fetcher; any failure comes back as a CredkitError tagged with `phase` (unless it
 * has one). When the request's signal is aborted, the abort is the failure (so a host's `cancelled`
 * reason wins over whatever the fetcher made of it); otherwise the fetcher's error, classified.
 */
export async function callFetcher(
  fetcher: Fetcher,
  request: FetcherRequest,
  phase?: OperationRunPhase,
): Promise<unknown> {
  try {
    return await fetcher(request);
  } catch (error) {
    const { signal } = request;
    const failure = signal?.aborted ? abortError(signal, phase, error) : toFetcherError(error, signal);
    failure.phase ??= phase;
    throw failure;
  }
}
