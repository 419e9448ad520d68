/** A user registration between `POST /auth/registration/init` and its completion. */
export interface PendingRegistration {
  /** The username asked for; checked again on completion, in case it was taken meanwhile. */
  username: string;
  /** The challenge issued for the first factor. */
  challengeIdentifier: string;
}

/**
 * User registrations in progress, by the id of the user being registered (the temporary token's
 * user): begun by `POST /auth/registration/init`, ended once the completion has spent the challenge.
 */
export function createPendingRegistrations() {
  const pending = new Map<string, PendingRegistration>();
  return {
    begin(userId: string, registration: PendingRegistration): void {
      pending.set(userId, registration);
    },
    /** The registration in progress for this user id, if any. */
    get(userId: string): PendingRegistration | undefined {
      return pending.get(userId);
    },
    end(userId: string): void {
      pending.delete(userId);
    },
  };
}

/** The mock's user registrations in progress. */
export type PendingRegistrations = ReturnType<typeof createPendingRegistrations>;
