/**
 * The react-query key of the credential list (`GET /auth/credentials`).
 * `useRegisterPasskey` invalidates it after each registration; use it for your own list query.
 */
export const credentialsQueryKey = ['credkit', 'credentials'] as const;

/** The prefix of the keys under which each `useRegisterPasskey` prefetches its challenge. */
export const challengeQueryKeyPrefix = ['credkit', 'challenge'] as const;
