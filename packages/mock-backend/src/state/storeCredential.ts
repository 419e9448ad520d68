import type { MockContext } from '../context.ts';
import { badRequest, DfnsHttpError, notAuthorized } from '../errors.ts';
import { dfnsId } from './ids.ts';
import type { MockStore, Provenance, StoredCredential } from './store.ts';

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

/**
 * Stores a verified credential for a user; a credential id already registered, to anyone, is a 409.
 * `still` is what must still hold at the write (checked here, synchronously with it, after every
 * `await` of the request): the bearer token (a recovery ends it) and the provenance of the challenge
 * (a recovery or a deactivation voids it). An in-flight request cannot outlive a recovery.
 */
export function storeCredential(
  { store, options, tokens }: MockContext,
  userId: string,
  verified: VerifiedFields,
  fields: Pick<StoredCredential, 'kind' | 'name' | 'encryptedPrivateKey'>,
  still: { token?: string; provenance?: Provenance | undefined } = {},
): StoredCredential {
  if (still.token !== undefined && tokens.grantOf(still.token)?.userId !== userId) {
    throw notAuthorized({ reason: 'token', problem: 'unknown', expected: 'user' });
  }
  if (!store.user(userId)) throw notAuthorized({ reason: 'token', problem: 'unknown', expected: 'user' });
  const voided = still.provenance && store.voidedBy(still.provenance);
  if (voided) throw badRequest(`challengeIdentifier was ${voided}: ask for a new challenge`);
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
