import type { ResolvedMockOptions } from '../config.ts';
import { pemToSpki, spkiToPem } from '../crypto/spki.ts';
import { dfnsId } from './ids.ts';
import type { MockStore, MockUser } from './store.ts';
import type { TokenStore } from './tokens.ts';

/** The service account's username: taken, so no sign-up can have it. */
export const SERVICE_ACCOUNT_USERNAME = 'service-account@credkit.dev';

/**
 * Adds the configured service account: a user of kind `ServiceAccount`, one active Key credential
 * (its public key), and its token as a `ServiceAccount` grant that never expires. Its user actions are
 * then signed as anyone's (`POST /auth/action/init`, `/auth/action`); routes that refuse service
 * accounts refuse its token, and it is found by no name (`store.userByName`).
 */
export function seedServiceAccount(
  store: MockStore,
  tokens: TokenStore,
  options: Pick<ResolvedMockOptions, 'serviceAccount' | 'orgId' | 'rpId' | 'now'>,
): MockUser {
  const { token, credId, publicKey } = options.serviceAccount;
  const user = store.addUser({
    username: SERVICE_ACCOUNT_USERNAME,
    displayName: 'Service account',
    kind: 'ServiceAccount',
  });
  store.addCredential({
    kind: 'Key',
    credentialId: credId,
    credentialUuid: dfnsId('cr'),
    dateCreated: new Date(options.now()).toISOString(),
    isActive: true,
    name: 'Service account key',
    // Checked by the options (signingKeyKind): written back as Node writes PEM.
    publicKey: spkiToPem(pemToSpki(publicKey) as Uint8Array<ArrayBuffer>),
    relyingPartyId: options.rpId,
    origin: '',
    userId: user.userId,
    counter: 0,
  });
  tokens.alias(token, {
    kind: 'ServiceAccount',
    userId: user.userId,
    orgId: options.orgId,
    expiresAt: Number.POSITIVE_INFINITY,
  });
  return user;
}
