import type { MockContext } from '../context.ts';
import type { IssuedChallenge } from '../state/challenges.ts';
import { fido2ChallengeFields } from './fido2ChallengeFields.ts';

/** The user a registration challenge registers credentials for, as Dfns names its fields. */
export interface RegistrationChallengeUser {
  id: string;
  displayName: string;
  name: string;
}

/**
 * Dfns's registration challenge with its `temporaryAuthenticationToken`: the answer of
 * `POST /auth/registration/init` and `/auth/registration/delegated` (`CreateDelegatedRegistrationChallengeResponse`),
 * and the base of a recovery's. Any first factor the mock verifies; `excludeCredentials` lists the
 * passkeys of `existingUserId`, none for a user still to be created.
 */
export function toRegistrationChallenge(
  ctx: MockContext,
  user: RegistrationChallengeUser,
  issued: Pick<IssuedChallenge, 'challenge'>,
  temporaryAuthenticationToken: string,
  existingUserId: string | undefined,
) {
  return {
    user,
    temporaryAuthenticationToken,
    challenge: issued.challenge,
    rp: { id: ctx.options.rpId, name: ctx.options.rpName },
    supportedCredentialKinds: { firstFactor: ['Fido2', 'Key', 'PasswordProtectedKey'], secondFactor: [] },
    ...fido2ChallengeFields(ctx, existingUserId),
    otpUrl: '',
  };
}
