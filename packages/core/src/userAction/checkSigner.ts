import { CredkitError } from '../errors/credkitError.ts';

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
