import type { MockContext } from '../context.ts';
import { DfnsHttpError } from '../errors.ts';
import { dfnsId } from '../state/ids.ts';
import type { MockStore } from '../state/store.ts';
import { toRegistrationChallenge } from '../wire/toRegistrationChallenge.ts';

/**
 * Refuses a username some user has, a service account included, with a 409. Checked when a sign-up
 * begins, and again on completion: another sign-up may have taken the name meanwhile. Usernames compare
 * case-insensitively (`DEMO@…` is `demo@…`): see `store.isNameTaken`.
 */
export function refuseTakenUsername(store: MockStore, username: string): void {
  if (store.isNameTaken(username)) throw new DfnsHttpError(409, `username ${username} is already registered`);
}

/** Who a registration is for: a username, and for a service account's (delegated) one, the app's id for the user. */
export interface RegistrationRequest {
  username: string;
  /** Begun by a service account: asked again for the same username, it replaces the one in progress. */
  delegated?: boolean;
  /** Who asked (see `clientOf`), for the per-client cap; none for a service account's. */
  client?: string | undefined;
  externalId?: string;
}

/**
 * Begins a user registration (a sign-up) for `username`: a challenge for the first factor and the
 * temporary token that completes it (`POST /auth/registration` or `/enduser`), under the caps of
 * registrations in progress (`maxPendingRegistrationsPerClient`, else a 429; `maxPendingRegistrations`,
 * past which the oldest gives way). Its answer is Dfns's registration
 * challenge. A delegated one asked again for a username whose delegated registration is in progress
 * gives the same user a new challenge and token: the previous token completes nothing any more.
 */
export async function beginRegistration(ctx: MockContext, request: RegistrationRequest) {
  const { options, store, tokens, challenges, registrations } = ctx;
  const { username, delegated = false, externalId, client } = request;
  refuseTakenUsername(store, username);
  const replaced = delegated ? registrations.delegatedTo(username) : undefined;
  // Nothing else bounds what callers begin: the caps keep a flood of them from holding the mock's memory.
  registrations.check(client);
  const userId = replaced ?? dfnsId('us');
  const issued = challenges.issue({ userId, kind: 'Registration', userVerification: 'required' });
  const temporaryAuthenticationToken = await tokens.mint({
    kind: 'Registration',
    userId,
    orgId: options.orgId,
    expiresAt: issued.expiresAt,
  });
  registrations.begin(
    client,
    userId,
    {
      username,
      challengeIdentifier: issued.challengeIdentifier,
      token: temporaryAuthenticationToken,
      delegated,
      ...(externalId !== undefined && { externalId }),
    },
    issued.expiresAt,
  );
  const user = { id: userId, displayName: username, name: username };
  return toRegistrationChallenge(ctx, user, issued, temporaryAuthenticationToken, undefined);
}
