/**
 * The react-query key of the credential list (`GET /auth/credentials`).
 * `useRegisterPasskey` invalidates it after each registration; use it for your own list query.
 */
export const credentialsQueryKey = ['credkit', 'credentials'] as const;
