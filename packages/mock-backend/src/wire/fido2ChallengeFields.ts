import type { MockContext } from '../context.ts';

/**
 * The WebAuthn parts of a Fido2 challenge, for a user with these credentials: shared by
 * `POST /auth/credentials/init` and `POST /auth/registration/init`.
 */
export function fido2ChallengeFields(ctx: MockContext, userId: string | undefined) {
  return {
    authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification: 'required' },
    attestation: 'none',
    pubKeyCredParams: [-7, -257, -8].map((alg) => ({ type: 'public-key', alg })),
    excludeCredentials:
      userId === undefined
        ? []
        : ctx.store
            .credentialsOf(userId)
            .filter((credential) => credential.kind === 'Fido2')
            .map((credential) => ({ type: 'public-key', id: credential.credentialId })),
  };
}
