import { CredkitError, isCredkitError, type OperationRunPhase } from './credkitError.ts';

/** Runs `run`, turning any failure into a CredkitError tagged with `phase` (unless it has one). */
export async function inPhase<T>(phase: OperationRunPhase, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const credkitError = isCredkitError(error) ? error : new CredkitError('unknown', { cause: error });
    credkitError.phase ??= phase;
    throw credkitError;
  }
}
