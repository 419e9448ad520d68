import type { MockContext } from '../context.ts';
import type { IssuedChallenge } from '../state/challenges.ts';
import type { MockUser } from '../state/store.ts';
import type { RegistrableKind } from './createCredentialBody.ts';
import { fido2ChallengeFields } from './fido2ChallengeFields.ts';

/**
 * Dfns's `CreateCredentialChallengeResponse` for a new credential of `kind` for `user`: the answer of
 * `POST /auth/credentials/init` and of `POST /auth/credentials/code/init`. Fido2 adds
 * `authenticatorSelection` and `excludeCredentials` (the user's passkeys); key kinds have neither.
 */
export function toCredentialChallenge(
  ctx: MockContext,
  user: MockUser,
  kind: RegistrableKind,
  issued: Pick<IssuedChallenge, 'challenge' | 'challengeIdentifier'>,
) {
  const { authenticatorSelection, excludeCredentials, ...common } = fido2ChallengeFields(ctx, user.userId);
  const challenge = {
    kind,
    user: { id: user.userId, name: user.username, displayName: user.displayName },
    challengeIdentifier: issued.challengeIdentifier,
    challenge: issued.challenge,
    rp: { id: ctx.options.rpId, name: ctx.options.rpName },
    ...common,
    temporaryAuthenticationToken: issued.challengeIdentifier,
  };
  return kind === 'Fido2' ? { ...challenge, authenticatorSelection, excludeCredentials } : challenge;
}
