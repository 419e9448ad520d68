import type { MockContext } from '../context.ts';
import { badRequest } from '../errors.ts';
import type { MockStore, MockUser, StoredCredential } from '../state/store.ts';
import { toRegistrationChallenge } from '../wire/toRegistrationChallenge.ts';

/** The user's active RecoveryKey `credentialId` names; a 400 saying why it cannot start a recovery. */
export function recoveryKeyOf(store: MockStore, user: MockUser, credentialId: string): StoredCredential {
  const credential = store.findCredential(user.userId, credentialId);
  if (!credential) {
    throw badRequest(`credentialId ${credentialId} is not a recovery credential of this user`);
  }
  if (credential.kind !== 'RecoveryKey') {
    throw badRequest(`credentialId ${credentialId} is a ${credential.kind} credential, not a RecoveryKey`);
  }
  if (!credential.isActive) throw badRequest(`credentialId ${credentialId} is a deactivated RecoveryKey`);
  return credential;
}

/**
 * Begins an account recovery of `user` with `recoveryKey` (checked by {@link recoveryKeyOf}): a
 * registration-like challenge for the new credentials, the temporary token `POST /auth/recover/user`
 * takes, and the key's `encryptedRecoveryKey`. Dfns's `CreateRecoveryChallengeResponse`, the answer of
 * `POST /auth/recover/user/init` and `/auth/recover/user/delegated`.
 */
export async function beginRecovery(ctx: MockContext, user: MockUser, recoveryKey: StoredCredential) {
  const { challenges, tokens, recoveries } = ctx;
  const issued = challenges.issue({ userId: user.userId, kind: 'Recovery', userVerification: 'required' });
  const temporaryAuthenticationToken = await tokens.mint({
    kind: 'Recovery',
    userId: user.userId,
    orgId: user.orgId,
    expiresAt: issued.expiresAt,
  });
  recoveries.begin(
    temporaryAuthenticationToken,
    {
      userId: user.userId,
      challengeIdentifier: issued.challengeIdentifier,
      recoveryCredentialId: recoveryKey.credentialId,
    },
    issued.expiresAt,
  );
  const challengeUser = { id: user.userId, displayName: user.displayName, name: user.username };
  return {
    ...toRegistrationChallenge(ctx, challengeUser, issued, temporaryAuthenticationToken, user.userId),
    allowedRecoveryCredentials: [
      { id: recoveryKey.credentialId, encryptedRecoveryKey: recoveryKey.encryptedPrivateKey ?? '' },
    ],
  };
}
