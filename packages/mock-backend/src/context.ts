import type { ResolvedMockOptions } from './config.ts';
import { type ChallengeStore, createChallengeStore } from './state/challenges.ts';
import { type CredentialCodes, createCredentialCodes } from './state/credentialCodes.ts';
import { createExpiringMap, type ExpiringMap } from './state/expiringMap.ts';
import { createMailedCodes, type MailedCodes } from './state/mailedCodes.ts';
import {
  createPendingRecoveries,
  createPendingRegistrations,
  type PendingRecoveries,
  type PendingRegistrations,
} from './state/pendingRegistrations.ts';
import { seedServiceAccount } from './state/seedServiceAccount.ts';
import { createStore, type MockStore, type MockUser, type Provenance } from './state/store.ts';
import { createTokenStore, type TokenKind, type TokenStore } from './state/tokens.ts';
import { createUserActionTokens, type UserActionTokens } from './state/userActionTokens.ts';

/** Everything the routes share: options and the in-memory state of one backend. */
export interface MockContext {
  options: ResolvedMockOptions;
  store: MockStore;
  tokens: TokenStore;
  challenges: ChallengeStore;
  userActions: UserActionTokens;
  /** User registrations begun by `POST /auth/registration/init` and not yet completed. */
  registrations: PendingRegistrations;
  /** Login challenges of `POST /auth/login/init` no login has succeeded with, until they expire. */
  logins: ExpiringMap<string, true>;
  /** One-time codes of `POST /auth/credentials/code`. */
  credentialCodes: CredentialCodes;
  /** Verification codes of `POST /auth/recover/user/code`. */
  recoveryCodes: MailedCodes;
  /** Login codes of `POST /auth/login/code`. */
  loginCodes: MailedCodes;
  /** Account recoveries begun by `POST /auth/recover/user/init`, by temporary token. */
  recoveries: PendingRecoveries;
  /** Test-only: awaited by a route that stores a credential, after its verification, before its last checks and write. */
  testHooks?: { beforeWrite?: () => Promise<void> };
}

/** Hono variables set by the auth middleware. */
export type MockEnv = {
  Variables: {
    user: MockUser;
    tokenKind: TokenKind;
    /** The bearer token of the request (set with `user`). */
    token: string;
    /** Where the request's authority comes from: the user, and the credential that signed its user action. */
    provenance: Provenance;
  };
};

/** Builds the context (in-memory state) of one mock backend, with its demo user and token, and its service account. */
export function createContext(options: ResolvedMockOptions): MockContext {
  const store = createStore(options.orgId);
  const tokens = createTokenStore(options.now, options.maxTokensPerUser);
  tokens.alias(options.token, {
    kind: 'EndUser',
    userId: store.demoUser.userId,
    orgId: options.orgId,
    expiresAt: Number.POSITIVE_INFINITY,
  });
  seedServiceAccount(store, tokens, options);
  return {
    options,
    store,
    tokens,
    challenges: createChallengeStore({ ttlMs: options.challengeTtlMs, now: options.now, voidedBy: store.voidedBy }),
    userActions: createUserActionTokens({ ttlMs: options.userActionTtlMs, now: options.now, voidedBy: store.voidedBy }),
    registrations: createPendingRegistrations(options.now),
    logins: createExpiringMap<string, true>(options.now),
    // A code's challenge lives challengeTtlMs past the code's expiry: the code is remembered as long.
    credentialCodes: createCredentialCodes({
      now: options.now,
      retainMs: options.challengeTtlMs,
      voidedBy: store.voidedBy,
    }),
    recoveryCodes: createMailedCodes({
      now: options.now,
      ttlMs: options.recoveryCodeTtlMs,
      field: 'verificationCode',
      mailedBy: 'POST /auth/recover/user/code',
      use: 'starts one recovery',
    }),
    loginCodes: createMailedCodes({
      now: options.now,
      ttlMs: options.loginCodeTtlMs,
      field: 'loginCode',
      mailedBy: 'POST /auth/login/code',
      use: 'opens one login',
    }),
    recoveries: createPendingRecoveries(options.now),
  };
}
