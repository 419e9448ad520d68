import { isCredkitError } from '../errors/credkitError.ts';
import { signalUnknownPasskey } from './passkeySignals.ts';

/**
 * Asks the passkey manager to drop a passkey that `create()` just made and the server will never
 * have: refused for good (a 4xx on the final POST), or never sent (the registration stopped after
 * `create()`, before the POST: cancelled, unmounted, the signing prompt dismissed). Without it, the
 * person keeps a passkey that signs in nowhere. `PublicKeyCredential.signalUnknownCredential` where
 * the browser has it; nothing otherwise. Never for a network error, a 5xx or an unusable answer of
 * the final POST, nor an abort while it was on its way: the server may have stored the credential.
 *
 * @param error what the registration failed with, after `create()` made the passkey
 * @param rpId the relying party the passkey was made for (the page's host name when the options had none)
 * @param credentialId the passkey's id, base64url (`credentialInfo.credId`)
 */
export function forgetRefusedPasskey(error: unknown, rpId: string | undefined, credentialId: string): void {
  if (!isCredkitError(error)) return;
  // The phases after `create()`: `ceremony` (stopped as it ended) and `signing` come before the POST.
  const neverSent = error.phase === 'ceremony' || error.phase === 'signing';
  const refusedForGood =
    error.phase === 'submitting' && error.status !== undefined && error.status >= 400 && error.status < 500;
  if (!neverSent && !refusedForGood) return;
  // Best effort: the person is told of the refusal either way; a failed signal changes nothing.
  signalUnknownPasskey(rpId, credentialId);
}
