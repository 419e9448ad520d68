import type { MockContext } from '../context.ts';
import { DfnsHttpError } from '../errors.ts';
import { dfnsId } from './ids.ts';
import type { MockStore, StoredCredential } from './store.ts';

/** What verification determines of a new credential (`VerifiedCredential`); the rest is given or stamped here. */
type VerifiedFields = Pick<StoredCredential, 'credentialId' | 'publicKey' | 'origin' | 'cosePublicKey' | 'counter'>;

/**
 * Refuses a credential id another user holds, with a 409: credential ids are unique across the
 * server (WebAuthn §7.1 step 22). Called before anything changes: a sign-up must not create the
 * user, nor a recovery archive the old credentials, for a credential it will refuse.
 */
export function refuseCredentialIdOfAnotherUser(store: MockStore, userId: string, credentialId: string): void {
  if (store.credentialsWithId(credentialId).some((credential) => credential.userId !== userId)) {
    throw new DfnsHttpError(409, `credential ${credentialId} is already registered to another user`);
  }
}

/** Stores a verified credential for a user; a credential id already registered, to anyone, is a 409. */
export function storeCredential(
  { store, options }: MockContext,
  userId: string,
  verified: VerifiedFields,
  fields: Pick<StoredCredential, 'kind' | 'name' | 'encryptedPrivateKey'>,
): StoredCredential {
  if (store.findCredential(userId, verified.credentialId)) {
    throw new DfnsHttpError(409, `credential ${verified.credentialId} is already registered for this user`);
  }
  refuseCredentialIdOfAnotherUser(store, userId, verified.credentialId);
  const credential: StoredCredential = {
    ...verified,
    kind: fields.kind,
    credentialUuid: dfnsId('cr'),
    dateCreated: new Date(options.now()).toISOString(),
    isActive: true,
    name: fields.name,
    relyingPartyId: options.rpId,
    userId,
    ...(fields.encryptedPrivateKey !== undefined && { encryptedPrivateKey: fields.encryptedPrivateKey }),
  };
  store.addCredential(credential);
  return credential;
}
