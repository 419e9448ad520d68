import { usernameKey } from '@credkit/names';
import { createExpiringMap } from './expiringMap.ts';
import { createPendingPlaces, type PlaceCaps } from './pendingPlaces.ts';

/** A user registration between `POST /auth/registration/init` (or `/delegated`) and its completion. */
export interface PendingRegistration {
  /** The username asked for; checked again on completion, in case it was taken meanwhile. */
  username: string;
  /** The challenge issued for the first factor. */
  challengeIdentifier: string;
  /** The temporary token that completes it: a delegated registration asked again gives its user a new one. */
  token: string;
  /** Begun by a service account (`POST /auth/registration/delegated`): found again by username. */
  delegated: boolean;
  /** The app's id for the user, given at delegated registration; stored on the user. */
  externalId?: string;
}

/**
 * User registrations in progress, by the id of the user being registered (the temporary token's
 * user): begun by `POST /auth/registration/init` or `/delegated`, ended once the completion has spent
 * the challenge, or forgotten when the challenge (and the token) expire, or given way under the caps
 * (see {@link createPendingPlaces}; `onGiveWay` voids its challenge and token).
 */
export function createPendingRegistrations(
  now: () => number,
  caps: PlaceCaps,
  onGiveWay: (registration: PendingRegistration) => void,
) {
  const pending = createPendingPlaces<PendingRegistration>(now, caps, (_userId, registration) =>
    onGiveWay(registration),
  );
  /** The user ids of delegated registrations in progress, by `usernameKey`. */
  const delegatedByName = createExpiringMap<string, string>(now);
  return {
    /** Throws a 429 when `client` holds its cap of registrations in progress already. */
    check: pending.check,
    /**
     * Begins a registration that can be completed until `expiresAt`, for `client` (none for a service
     * account's), or replaces the user's, with its own token.
     */
    begin(client: string | undefined, userId: string, registration: PendingRegistration, expiresAt: number): void {
      pending.release(userId);
      pending.take(client, userId, registration, expiresAt);
      if (registration.delegated) delegatedByName.set(usernameKey(registration.username), userId, expiresAt);
    },
    /** The user id of the delegated registration in progress for this username, if any. */
    delegatedTo(username: string): string | undefined {
      const userId = delegatedByName.get(usernameKey(username));
      return userId !== undefined && pending.get(userId)?.delegated ? userId : undefined;
    },
    /** The registration in progress for this user id, if any. */
    get(userId: string): PendingRegistration | undefined {
      return pending.get(userId);
    },
    end(userId: string): void {
      pending.release(userId);
    },
    /** How many registrations are in progress (expired ones forgotten first). */
    get size(): number {
      return pending.size;
    },
  };
}

/** The mock's user registrations in progress. */
export type PendingRegistrations = ReturnType<typeof createPendingRegistrations>;

/** An account recovery between `POST /auth/recover/user/init` and `POST /auth/recover/user`. */
export interface PendingRecovery {
  userId: string;
  /** The challenge the new credentials answer. */
  challengeIdentifier: string;
  /** The credential id of the RecoveryKey named at init: the one that must sign. */
  recoveryCredentialId: string;
}

/**
 * Recoveries in progress, by their temporary token; ended once `POST /auth/recover/user` has spent the
 * challenge, or forgotten when the challenge (and the token) expire.
 */
export function createPendingRecoveries(now: () => number) {
  const pending = createExpiringMap<string, PendingRecovery>(now);
  return {
    /** Begins a recovery that can be completed until `expiresAt`. */
    begin(token: string, recovery: PendingRecovery, expiresAt: number): void {
      pending.set(token, recovery, expiresAt);
    },
    get(token: string): PendingRecovery | undefined {
      return pending.get(token);
    },
    end(token: string): void {
      pending.delete(token);
    },
    /** How many recoveries are in progress (expired ones forgotten first). */
    get size(): number {
      return pending.size;
    },
  };
}

/** The mock's recoveries in progress. */
export type PendingRecoveries = ReturnType<typeof createPendingRecoveries>;
