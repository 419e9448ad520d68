import type { ResolvedMockOptions } from '../config.ts';
import type { IssuedChallenge } from '../state/challenges.ts';
import type { StoredCredential } from '../state/store.ts';
import { SIGNING_KINDS } from './readFirstFactor.ts';

function descriptors(credentials: StoredCredential[], kind: StoredCredential['kind']) {
  return credentials
    .filter((credential) => credential.kind === kind && credential.isActive)
    .map((credential) => ({ type: 'public-key' as const, id: credential.credentialId }));
}

/**
 * A challenge to sign with an existing credential, as Dfns shapes both the user-action challenge
 * (`POST /auth/action/init`) and the login challenge (`POST /auth/login/init`): `allowCredentials`
 * lists the active credentials among `credentials`, by kind. A PasswordProtectedKey comes with its
 * `encryptedPrivateKey` only when `encryptedPrivateKeys` says so (a signed-in user's, or a login
 * with its mailed `loginCode`): else its id alone, so the client knows a code is needed.
 */
export function toSigningChallenge(
  options: Pick<ResolvedMockOptions, 'rpId' | 'rpName'>,
  issued: IssuedChallenge,
  credentials: StoredCredential[],
  { encryptedPrivateKeys = false }: { encryptedPrivateKeys?: boolean } = {},
) {
  return {
    challenge: issued.challenge,
    challengeIdentifier: issued.challengeIdentifier,
    rp: { id: options.rpId, name: options.rpName },
    supportedCredentialKinds: SIGNING_KINDS.map((kind) => ({ kind, factor: 'first', requiresSecondFactor: false })),
    userVerification: issued.userVerification,
    attestation: 'none',
    allowCredentials: {
      webauthn: descriptors(credentials, 'Fido2'),
      key: descriptors(credentials, 'Key'),
      passwordProtectedKey: credentials
        .filter((credential) => credential.kind === 'PasswordProtectedKey' && credential.isActive)
        .map((credential) => ({
          type: 'public-key' as const,
          id: credential.credentialId,
          ...(encryptedPrivateKeys && { encryptedPrivateKey: credential.encryptedPrivateKey ?? '' }),
        })),
    },
    externalAuthenticationUrl: '',
  };
}
