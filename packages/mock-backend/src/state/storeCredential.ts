import type { MockContext } from '../context.ts';
import { DfnsHttpError } from '../errors.ts';
import { dfnsId } from './ids.ts';
import type { StoredCredential } from './store.ts';

/** What verification determines of a new credential (`VerifiedCredential`); the rest is given or stamped here. */
type VerifiedFields = Pick<StoredCredential, 'credentialId' | 'publicKey' | 'origin' | 'cosePublicKey' | 'counter'>;

/** Stores a verified credential for a user; a credential id the user already has is a 409. */
export function storeCredential(
  { store, options }: MockContext,
  userId: string,
  verified: VerifiedFields,
  fields: Pick<StoredCredential, 'kind' | 'name' | 'encryptedPrivateKey'>,
): StoredCredential {
  if (store.findCredential(userId, verified.credentialId)) {
    throw new DfnsHttpError(409, `credential ${verified.credentialId} is already registered for this user`);
  }
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
