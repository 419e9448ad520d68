import type { MockRefusal } from './mockRefusal.ts';

/** Options of the mock backend; each has an environment variable for `pnpm mock`. */
export interface MockBackendOptions {
  /**
   * Origins allowed by CORS and in `clientData.origin`, matched exactly. `MOCK_ORIGINS` (comma separated).
   * Unset: any `http://localhost:<port>` or `http://127.0.0.1:<port>` (loopback, any port).
   */
  origins?: string[];
  /** The relying party id credentials are created for. `MOCK_RP_ID`. @defaultValue "localhost" */
  rpId?: string;
  /** The relying party name sent in challenges. `MOCK_RP_NAME`. @defaultValue "credkit demo" */
  rpName?: string;
  /** How long a challenge stays valid, in milliseconds. `MOCK_CHALLENGE_TTL_MS`. @defaultValue 300000 */
  challengeTtlMs?: number;
  /** The bearer token of the seeded demo user. `MOCK_TOKEN`. @defaultValue "demo-token" */
  token?: string;
  /** The clock, for expiry tests. @defaultValue Date.now */
  now?: () => number;
  /**
   * Whether change-inducing calls (`POST /auth/credentials`) need an `X-DFNS-USERACTION` token, as at
   * Dfns. `off` suits simple embeds. `MOCK_USER_ACTION` (`required` or `off`). @defaultValue "required"
   */
  userActionSigning?: 'required' | 'off';
  /** The organisation id users register into (`POST /auth/registration/init`). `MOCK_ORG_ID`. */
  orgId?: string;
  /** When set, user registration demands this registration code; otherwise any non-empty code. `MOCK_REGISTRATION_CODE`. */
  registrationCode?: string;
  /** How long a user-action token lives, in milliseconds. @defaultValue 120000 */
  userActionTtlMs?: number;
  /**
   * Called when the mock refuses a request for a reason set-up can fix: an origin it does not allow, a
   * missing or unknown bearer token, a missing or invalid user action. Unset, the mock logs nothing
   * (in-process tests stay quiet); the `credkit-mock` CLI logs each as a line with a hint.
   */
  onRefusal?: (refusal: MockRefusal) => void;
}

/** The organisation id of the mock when none is configured. */
export const DEFAULT_ORG_ID = 'or-credk-itmck-0000000000000000';

/** The options with every default filled in. */
export type ResolvedMockOptions = Required<Omit<MockBackendOptions, 'origins' | 'registrationCode' | 'onRefusal'>> &
  Pick<MockBackendOptions, 'origins' | 'registrationCode' | 'onRefusal'>;

/** Fills in the defaults. */
export function resolveMockOptions(options: MockBackendOptions = {}): ResolvedMockOptions {
  return {
    origins: options.origins,
    rpId: options.rpId ?? 'localhost',
    rpName: options.rpName ?? 'credkit demo',
    challengeTtlMs: options.challengeTtlMs ?? 5 * 60_000,
    token: options.token ?? 'demo-token',
    now: options.now ?? Date.now,
    userActionSigning: options.userActionSigning ?? 'required',
    orgId: options.orgId ?? DEFAULT_ORG_ID,
    registrationCode: options.registrationCode,
    userActionTtlMs: options.userActionTtlMs ?? 120_000,
    onRefusal: options.onRefusal,
  };
}

/**
 * Reads `MOCK_ORIGINS`, `MOCK_RP_ID`, `MOCK_RP_NAME`, `MOCK_CHALLENGE_TTL_MS`, `MOCK_TOKEN`,
 * `MOCK_USER_ACTION`, `MOCK_ORG_ID` and `MOCK_REGISTRATION_CODE`; unset ones keep their defaults.
 */
export function mockOptionsFromEnv(env: Record<string, string | undefined>): MockBackendOptions {
  const options: MockBackendOptions = {};
  const origins = env.MOCK_ORIGINS?.split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  if (origins?.length) options.origins = origins;
  if (env.MOCK_RP_ID) options.rpId = env.MOCK_RP_ID;
  if (env.MOCK_RP_NAME) options.rpName = env.MOCK_RP_NAME;
  if (env.MOCK_TOKEN) options.token = env.MOCK_TOKEN;
  if (env.MOCK_ORG_ID) options.orgId = env.MOCK_ORG_ID;
  if (env.MOCK_REGISTRATION_CODE) options.registrationCode = env.MOCK_REGISTRATION_CODE;
  if (env.MOCK_USER_ACTION) {
    if (env.MOCK_USER_ACTION !== 'required' && env.MOCK_USER_ACTION !== 'off') {
      throw new Error(`MOCK_USER_ACTION must be "required" or "off", got "${env.MOCK_USER_ACTION}"`);
    }
    options.userActionSigning = env.MOCK_USER_ACTION;
  }
  if (env.MOCK_CHALLENGE_TTL_MS) {
    const ttl = Number(env.MOCK_CHALLENGE_TTL_MS);
    if (!Number.isFinite(ttl) || ttl <= 0) {
      throw new Error(
        `MOCK_CHALLENGE_TTL_MS must be a positive number of milliseconds, got "${env.MOCK_CHALLENGE_TTL_MS}"`,
      );
    }
    options.challengeTtlMs = ttl;
  }
  return options;
}
