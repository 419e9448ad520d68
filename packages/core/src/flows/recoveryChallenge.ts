import { arrayOf, checkShape, nonEmptyString, object } from '../dfns/shape.ts';
import { CredkitError } from '../errors/credkitError.ts';
import type { Fetcher } from '../http/fetcher.ts';
import { requestChallenge } from './fetchChallenge.ts';
import type { ChallengeSource, HostCallContext } from './hostBackend.ts';
import { type RegistrationChallenge, validateRegistrationChallenge } from './registerUser.ts';

/** What a recovery's `challengeSource` is told, besides the signal. */
export interface RecoveryChallengeContext extends HostCallContext {
  /** The recovery key's id, as the person gave it: your backend sends it to `POST /auth/recover/user/delegated`. */
  credentialId: string;
  /** The username, when the recovery was given one (NFC-normalised and trimmed). */
  username?: string;
}

/** How {@link fetchRecoveryChallenge} gets the challenge. */
export interface RecoveryChallengeRequest {
  fetcher?: Fetcher;
  /** The host's backend obtains it (`POST /auth/recover/user/delegated`). */
  challengeSource?: ChallengeSource<RecoveryChallengeContext>;
  /** Else the kit's own `POST /auth/recover/user/init` body. */
  initBody?: { username: string; verificationCode: string; orgId: string; credentialId: string };
  credentialId: string;
  username?: string;
  /** The host's `completion` sends the recovery: the challenge may come without its temporary token. */
  hostCompletes: boolean;
  signal?: AbortSignal | undefined;
}

/** A recovery challenge: the new credentials' challenge, and the recovery key it names. */
export interface RecoveryChallenge extends RegistrationChallenge {
  /** The recovery key's private key, wrapped under its recovery code, as Dfns keeps it. */
  encryptedRecoveryKey: string;
}

const RECOVERY_CHALLENGE = object({
  allowedRecoveryCredentials: arrayOf(object({ id: nonEmptyString(), encryptedRecoveryKey: nonEmptyString() })),
});

/**
 * The recovery's challenge, validated, from the host's `challengeSource` (`POST /auth/recover/user/delegated`
 * on its backend) or the kit's own `POST /auth/recover/user/init`: the same shape either way, with
 * `allowedRecoveryCredentials` and `temporaryAuthenticationToken`. A recovery key it does not name is
 * `no-signing-credential`. Phase `challenge`.
 */
export async function fetchRecoveryChallenge({
  fetcher,
  challengeSource,
  initBody,
  credentialId,
  username,
  hostCompletes,
  signal,
}: RecoveryChallengeRequest): Promise<RecoveryChallenge> {
  const context = { credentialId, ...(username !== undefined && { username }) };
  const answer = await requestChallenge(
    { fetcher, challengeSource: challengeSource && ((call) => challengeSource({ ...call, ...context })) },
    { method: 'POST', path: '/auth/recover/user/init', body: initBody, signal },
  );
  const { challenge, temporaryAuthenticationToken } = validateRegistrationChallenge(answer, { hostCompletes });
  const { allowedRecoveryCredentials } = checkShape(answer, RECOVERY_CHALLENGE, {
    code: 'invalid-challenge',
    intro: 'The server sent an invalid recovery challenge',
    phase: 'challenge',
  });
  const recoveryKey = allowedRecoveryCredentials.find(({ id }) => id === credentialId);
  if (!recoveryKey) {
    throw new CredkitError('no-signing-credential', {
      phase: 'challenge',
      message: `The server offers no recovery key with the id ${credentialId}.`,
    });
  }
  return { challenge, temporaryAuthenticationToken, encryptedRecoveryKey: recoveryKey.encryptedRecoveryKey };
}
