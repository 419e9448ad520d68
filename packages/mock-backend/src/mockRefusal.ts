/**
 * Why the mock refused a request, when configuration or a missing step is the likely cause: what
 * the `onRefusal` option receives, to turn into a hint. Other 4xx answers (bad input,
 * spent challenges, failed verification) say what is wrong in their body already.
 */
export type MockRefusal = { method: string; path: string } & MockRefusalReason;

/** The reasons {@link MockRefusal} reports. */
export type MockRefusalReason =
  /**
   * An origin the mock does not allow: `cors` for a request whose `Origin` header it refuses (the
   * browser then blocks the page), `clientData` for a credential or an assertion made on such a page.
   */
  | { reason: 'origin'; origin: string; check: 'cors' | 'clientData' }
  /**
   * A 401: no `Authorization` header (`missing`), one that is not `Bearer <token>` (`malformed`), a token
   * the mock never issued or that expired (`unknown`), or a token of the wrong kind for the route
   * (`wrongKind`; a 403 for a user's token on a service account's route). `expected` says which the
   * route takes: a user's token, the registration token of `POST /auth/registration/init`, the recovery
   * token of `POST /auth/recover/user/init`, or the service account's token (the delegated routes).
   */
  | {
      reason: 'token';
      problem: 'missing' | 'malformed' | 'unknown' | 'wrongKind';
      expected: 'user' | 'registration' | 'recovery' | 'serviceAccount';
    }
  /** A change-inducing call without a valid `X-DFNS-USERACTION` while user-action signing is required. */
  | { reason: 'userAction'; problem: 'missing' | 'invalid' };
