import { MockConfigError } from './mockConfigError.ts';
import type { MockRefusal } from './mockRefusal.ts';
import {
  checkServiceAccount,
  type MockServiceAccount,
  SERVICE_ACCOUNT_OPTION_LABELS,
  serviceAccountFrom,
  serviceAccountVariables,
} from './serviceAccountConfig.ts';
import { TESTING_SERVICE_ACCOUNT } from './testing/testingServiceAccount.ts';

export type { MockServiceAccount };
export { MockConfigError };

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
   * Whether change-inducing calls (`POST /auth/credentials`, `POST /auth/credentials/code`,
   * `PUT /auth/credentials/activate` and `/deactivate`, the delegated routes) need an `X-DFNS-USERACTION` token, as at
   * Dfns. `off` suits simple embeds. `MOCK_USER_ACTION` (`required` or `off`). @defaultValue "required"
   */
  userActionSigning?: 'required' | 'off';
  /** The organisation id users register into (`POST /auth/registration/init`). `MOCK_ORG_ID`. */
  orgId?: string;
  /** When set, user registration demands this registration code; otherwise any non-empty code. `MOCK_REGISTRATION_CODE`. */
  registrationCode?: string;
  /** How long a user-action token lives, in milliseconds. @defaultValue 120000 */
  userActionTtlMs?: number;
  /** How long a recovery verification code (`POST /auth/recover/user/code`) lives, in milliseconds. @defaultValue 900000 */
  recoveryCodeTtlMs?: number;
  /** How long a login code (`POST /auth/login/code`) lives, in milliseconds. @defaultValue 900000 */
  loginCodeTtlMs?: number;
  /**
   * How many user registrations may be in progress at once (`POST /auth/registration/init` answered,
   * not completed (a failed completion keeps its place), challenge not expired). Init needs no token:
   * this bounds what a flood of them can hold. Past it the oldest registration in progress gives way
   * (its challenge and temporary token stop working), so a new one always starts. @defaultValue 10000
   */
  maxPendingRegistrations?: number;
  /**
   * How many of those one client (see `clientOf`) may hold; its next init is a 429 with `Retry-After`,
   * and no other client is touched. @defaultValue 1000
   */
  maxPendingRegistrationsPerClient?: number;
  /**
   * How many logins may be in progress at once (`POST /auth/login/init` answered, no login succeeded
   * with its challenge, the challenge not expired). Init needs no token, like registration's. Past it
   * the oldest login in progress gives way (its challenge is then unknown). @defaultValue 10000
   */
  maxPendingLogins?: number;
  /**
   * How many of those one client (see `clientOf`) may hold; its next init is a 429 with `Retry-After`,
   * and no other client is touched. @defaultValue 1000
   */
  maxPendingLoginsPerClient?: number;
  /**
   * Who sent a request, for the per-client caps. Unset: the connection's remote address when served
   * by `listen` (and the CLI), and nobody for the in-process `fetch` handler, where only the overall
   * caps apply. Behind a proxy every request comes from the proxy: name the client from its header
   * (for example the first address of `X-Forwarded-For`).
   */
  clientOf?: (request: Request) => string | undefined;
  /**
   * How many unspent challenges one credential code holds (`POST /auth/credentials/code/init`, which
   * needs no token); past it the code's oldest gives way (then "unknown"). @defaultValue 10
   */
  maxChallengesPerCredentialCode?: number;
  /**
   * How many unspent challenges of `POST /auth/credentials/init` one user holds; past it the user's
   * oldest gives way (then "unknown"). @defaultValue 20
   */
  maxCredentialChallengesPerUser?: number;
  /**
   * How many tokens one user holds (logins, sign-ups, recoveries, delegated logins; not the fixed
   * `token` nor the service account's); past it the user's oldest stops working: a 401, like an
   * expired one. @defaultValue 100
   */
  maxTokensPerUser?: number;
  /**
   * How many tokens are held in all (the same ones as `maxTokensPerUser`); past it the oldest anyone
   * holds stops working: a 401, like an expired one. @defaultValue 100000
   */
  maxTokens?: number;
  /**
   * Receives the verification code Dfns would e-mail for an account recovery (`POST /auth/recover/user/code`
   * for a known username): the mock sends no mail. The `credkit-mock` CLI prints it; tests read it here
   * (or from `GET /mock/recovery-codes?username=`).
   */
  onVerificationCode?: (mail: VerificationCodeMail) => void;
  /**
   * Receives the login code Dfns would e-mail (`POST /auth/login/code` for a known username), which
   * `POST /auth/login/init` needs to hand out a PasswordProtectedKey's `encryptedPrivateKey`. The
   * `credkit-mock` CLI prints it; tests read it here (or from `GET /mock/login-codes?username=`).
   */
  onLoginCode?: (mail: LoginCodeMail) => void;
  /**
   * Called when the mock refuses a request for a reason set-up can fix: an origin it does not allow, a
   * missing or unknown bearer token, a missing or invalid user action. Unset, the mock logs nothing
   * (in-process tests stay quiet); the `credkit-mock` CLI logs each as a line with a hint.
   */
  onRefusal?: (refusal: MockRefusal) => void;
  /**
   * The service account the delegated routes (`POST /auth/registration/delegated`, `/auth/login/delegated`,
   * `/auth/recover/user/delegated`) take: its token, credential id and public key, all three. `MOCK_SERVICE_ACCOUNT_TOKEN`,
   * `MOCK_SERVICE_ACCOUNT_CRED_ID`, `MOCK_SERVICE_ACCOUNT_PUBLIC_KEY`.
   * @defaultValue the testing one, `TESTING_SERVICE_ACCOUNT` of `@credkit/mock-backend/testing`
   */
  serviceAccount?: MockServiceAccount;
}

/** The e-mail the mock does not send: a recovery verification code, for whom, and until when. */
export interface VerificationCodeMail {
  username: string;
  userId: string;
  /** e.g. `1234-5678-9012-3456`; single-use. */
  verificationCode: string;
  /** ISO 8601. */
  expiresAt: string;
}

/** The e-mail the mock does not send: a login code, for whom, and until when. */
export interface LoginCodeMail {
  username: string;
  userId: string;
  /** e.g. `1234-5678-9012-3456`; single-use. */
  loginCode: string;
  /** ISO 8601. */
  expiresAt: string;
}

/** The organisation id of the mock when none is configured. */
export const DEFAULT_ORG_ID = 'or-credk-itmck-0000000000000000';

/** The options with every default filled in. */
export type ResolvedMockOptions = Required<
  Omit<
    MockBackendOptions,
    'origins' | 'registrationCode' | 'onRefusal' | 'onVerificationCode' | 'onLoginCode' | 'clientOf'
  >
> &
  Pick<
    MockBackendOptions,
    'origins' | 'registrationCode' | 'onRefusal' | 'onVerificationCode' | 'onLoginCode' | 'clientOf'
  >;

/** Fills in the defaults. */
export function resolveMockOptions(options: MockBackendOptions = {}): ResolvedMockOptions {
  const token = options.token ?? 'demo-token';
  return {
    origins: options.origins,
    rpId: options.rpId ?? 'localhost',
    rpName: options.rpName ?? 'credkit demo',
    challengeTtlMs: options.challengeTtlMs ?? 5 * 60_000,
    token,
    now: options.now ?? Date.now,
    userActionSigning: options.userActionSigning ?? 'required',
    orgId: options.orgId ?? DEFAULT_ORG_ID,
    registrationCode: options.registrationCode,
    userActionTtlMs: options.userActionTtlMs ?? 120_000,
    recoveryCodeTtlMs: options.recoveryCodeTtlMs ?? 15 * 60_000,
    loginCodeTtlMs: options.loginCodeTtlMs ?? 15 * 60_000,
    maxPendingRegistrations: options.maxPendingRegistrations ?? 10_000,
    maxPendingRegistrationsPerClient: options.maxPendingRegistrationsPerClient ?? 1000,
    maxPendingLogins: options.maxPendingLogins ?? 10_000,
    maxPendingLoginsPerClient: options.maxPendingLoginsPerClient ?? 1000,
    maxChallengesPerCredentialCode: options.maxChallengesPerCredentialCode ?? 10,
    maxCredentialChallengesPerUser: options.maxCredentialChallengesPerUser ?? 20,
    maxTokensPerUser: options.maxTokensPerUser ?? 100,
    maxTokens: options.maxTokens ?? 100_000,
    onRefusal: options.onRefusal,
    clientOf: options.clientOf,
    onVerificationCode: options.onVerificationCode,
    serviceAccount: resolveServiceAccount(options.serviceAccount, token),
    onLoginCode: options.onLoginCode,
  };
}

/** The service account, checked; its token cannot be the seeded user's too. */
function resolveServiceAccount(account: MockServiceAccount | undefined, token: string): MockServiceAccount {
  const checked = checkServiceAccount(account ?? TESTING_SERVICE_ACCOUNT, SERVICE_ACCOUNT_OPTION_LABELS);
  if (checked.token === token) {
    throw new MockConfigError(
      `the service account's token is the seeded user's token too ("${token}"): give each its own`,
    );
  }
  return checked;
}

/**
 * Origins from a comma-separated list; each must be written as a browser sends it (`scheme://host[:port]`,
 * no path, no trailing slash), or it could never match. `label` names the flag or variable in errors.
 */
export function readOrigins(value: string, label: string): string[] {
  const origins = value
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of origins) {
    let canonical: string | undefined;
    try {
      canonical = new URL(origin).origin;
    } catch {}
    if (canonical !== origin) {
      const hint = canonical && canonical !== 'null' ? `: did you mean ${canonical}?` : ' (scheme://host[:port])';
      throw new MockConfigError(`${label}: "${origin}" is not an origin as a browser sends it${hint}`);
    }
  }
  return origins;
}

/** `required` or `off`. */
export function readUserActionSigning(value: string, label: string): 'required' | 'off' {
  if (value !== 'required' && value !== 'off') {
    throw new MockConfigError(`${label} must be "required" or "off", got "${value}"`);
  }
  return value;
}

/** A positive number of milliseconds. */
export function readPositiveMs(value: string, label: string): number {
  const ms = Number(value);
  if (value.trim() === '' || !Number.isFinite(ms) || ms <= 0) {
    throw new MockConfigError(`${label} must be a positive number of milliseconds, got "${value}"`);
  }
  return ms;
}

/**
 * Reads `MOCK_ORIGINS`, `MOCK_RP_ID`, `MOCK_RP_NAME`, `MOCK_CHALLENGE_TTL_MS`, `MOCK_TOKEN`,
 * `MOCK_USER_ACTION`, `MOCK_ORG_ID`, `MOCK_REGISTRATION_CODE` and the service account's three
 * (`MOCK_SERVICE_ACCOUNT_TOKEN`, `_CRED_ID`, `_PUBLIC_KEY`: all or none); unset or empty ones keep their
 * defaults. A bad value throws a {@link MockConfigError} naming the variable.
 */
export function mockOptionsFromEnv(env: Record<string, string | undefined>): MockBackendOptions {
  const options: MockBackendOptions = {};
  const origins = env.MOCK_ORIGINS ? readOrigins(env.MOCK_ORIGINS, 'MOCK_ORIGINS') : [];
  if (origins.length) options.origins = origins;
  if (env.MOCK_RP_ID) options.rpId = env.MOCK_RP_ID;
  if (env.MOCK_RP_NAME) options.rpName = env.MOCK_RP_NAME;
  if (env.MOCK_TOKEN) options.token = env.MOCK_TOKEN;
  if (env.MOCK_ORG_ID) options.orgId = env.MOCK_ORG_ID;
  if (env.MOCK_REGISTRATION_CODE) options.registrationCode = env.MOCK_REGISTRATION_CODE;
  if (env.MOCK_USER_ACTION) options.userActionSigning = readUserActionSigning(env.MOCK_USER_ACTION, 'MOCK_USER_ACTION');
  if (env.MOCK_CHALLENGE_TTL_MS) {
    options.challengeTtlMs = readPositiveMs(env.MOCK_CHALLENGE_TTL_MS, 'MOCK_CHALLENGE_TTL_MS');
  }
  const serviceAccount = serviceAccountFrom([serviceAccountVariables(env)]);
  if (serviceAccount) options.serviceAccount = serviceAccount;
  return options;
}
