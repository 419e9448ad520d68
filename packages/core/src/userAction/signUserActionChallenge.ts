import { throwIfAborted } from '../errors/abortError.ts';
import { inPhase } from '../errors/inPhase.ts';
import type { UserActionAssertion, UserActionSigner } from './userAction.ts';
import { validateUserActionChallenge } from './validateUserActionChallenge.ts';

/** Options of {@link signUserActionChallenge}. */
export interface SignUserActionChallengeOptions {
  /**
   * Signs with one of the user's existing credentials: `createWebAuthnUserActionSigner()` (a passkey),
   * `createKeyUserActionSigner()` from `@credkit/core/keys` (a Key), or any `UserActionSigner`.
   */
  signer: UserActionSigner;
  /** Aborts the signing (the passkey prompt included). */
  signal?: AbortSignal | undefined;
}

/**
 * A signed user-action challenge: what `DfnsDelegatedApiClient`'s `…Complete(request, signedChallenge)`
 * and Dfns's `POST /auth/action` take.
 */
export interface SignedUserActionChallenge {
  /** The challenge's identifier, as Dfns sent it. */
  challengeIdentifier: string;
  /** The signer's assertion of the challenge. */
  firstFactor: UserActionAssertion;
}

/**
 * Signs a user-action challenge that the host's backend obtained (`DfnsDelegatedApiClient`'s `…Init`,
 * or `POST /auth/action/init`) with one of the user's existing credentials, and gives back exactly
 * `{ challengeIdentifier, firstFactor }` for the backend's `…Complete`. The challenge is validated as
 * the kit validates its own (`server`, naming the field). Every failure is a `CredkitError` of the
 * phase `signing`: `no-signing-credential` when the signer has no credential the challenge allows,
 * `cancelled` or `timed-out` from the passkey prompt, `aborted` through `signal`.
 */
export async function signUserActionChallenge(
  challenge: unknown,
  { signer, signal }: SignUserActionChallengeOptions,
): Promise<SignedUserActionChallenge> {
  return inPhase('signing', async () => {
    throwIfAborted(signal, 'signing');
    const validated = validateUserActionChallenge(challenge);
    const firstFactor = await signer.sign(validated, signal);
    throwIfAborted(signal, 'signing');
    return { challengeIdentifier: validated.challengeIdentifier, firstFactor };
  });
}
