import type { MockContext } from '../context.ts';
import type { IssuedChallenge } from '../state/challenges.ts';
import type { StoredCredential } from '../state/store.ts';
import { refuseCredentialIdOfAnotherUser } from '../state/storeCredential.ts';
import { defaultCredentialName } from '../wire/createCredentialBody.ts';
import type { NewCredentials } from '../wire/newCredentials.ts';
import { type VerifiedCredential, verifyCredential } from './verifyCredential.ts';

/** A new credential verified and ready to store: what verification found, and the fields it is stored with. */
export interface CredentialToStore {
  verified: VerifiedCredential;
  fields: Pick<StoredCredential, 'kind' | 'name' | 'encryptedPrivateKey'>;
}

/**
 * Verifies the credentials a sign-up or a recovery registers against the one challenge they all
 * answer, and refuses an id another user holds: everything is checked before the caller changes
 * anything. The first factor comes first; a RecoveryKey sent without a name gets
 * `Recovery key of <username>`.
 */
export async function verifyNewCredentials(
  ctx: MockContext,
  credentials: NewCredentials,
  issued: IssuedChallenge,
  { userId, username, requestOrigin }: { userId: string; username: string; requestOrigin: string | undefined },
): Promise<[CredentialToStore, ...CredentialToStore[]]> {
  const { firstFactor, recoveryCredential } = credentials;
  const first: CredentialToStore = {
    verified: await verifyCredential(ctx, firstFactor, issued, requestOrigin),
    fields: {
      kind: firstFactor.credentialKind,
      name: firstFactor.credentialName ?? defaultCredentialName(firstFactor.credentialKind, username),
      encryptedPrivateKey: firstFactor.encryptedPrivateKey,
    },
  };
  const all: [CredentialToStore, ...CredentialToStore[]] = [first];
  if (recoveryCredential) {
    all.push({
      verified: await verifyCredential(ctx, recoveryCredential, issued, requestOrigin),
      fields: {
        kind: 'RecoveryKey',
        name: recoveryCredential.credentialName ?? defaultCredentialName('Recovery key', username),
        encryptedPrivateKey: recoveryCredential.encryptedPrivateKey,
      },
    });
  }
  for (const { verified } of all) refuseCredentialIdOfAnotherUser(ctx.store, userId, verified.credentialId);
  return all;
}
