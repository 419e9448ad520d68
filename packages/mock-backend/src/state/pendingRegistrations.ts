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

/** An account recovery between `POST /auth/recover/user/init` and `POST /auth/recover/user`. */
export interface PendingRecovery {
  userId: string;
  /** The challenge the new credentials answer. */
  challengeIdentifier: string;
  /** The credential id of the RecoveryKey named at init: the one that must sign. */
  recoveryCredentialId: string;
}

/** Recoveries in progress, by their temporary token; ended once `POST /auth/recover/user` has spent the challenge. */
export function createPendingRecoveries() {
  const pending = new Map<string, PendingRecovery>();
  return {
    begin(token: string, recovery: PendingRecovery): void {
      pending.set(token, recovery);
    },
    get(token: string): PendingRecovery | undefined {
      return pending.get(token);
    },
    end(token: string): void {
      pending.delete(token);
    },
  };
}

/** The mock's recoveries in progress. */
export type PendingRecoveries = ReturnType<typeof createPendingRecoveries>;
