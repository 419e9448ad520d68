import type { ResolvedMockOptions } from './config.ts';
import { type ChallengeStore, createChallengeStore } from './state/challenges.ts';
import { type CredentialCodes, createCredentialCodes } from './state/credentialCodes.ts';
import { createMailedCodes, type MailedCodes } from './state/mailedCodes.ts';
import { createPendingPlaces, type PendingPlaces } from './state/pendingPlaces.ts';
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
  /** Login challenges of `POST /auth/login/init` no login has succeeded with, until they expire or give way. */
  logins: PendingPlaces<true>;
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
  const tokens = createTokenStore(options.now, { maxPerUser: options.maxTokensPerUser, max: options.maxTokens });
  tokens.alias(options.token, {
    kind: 'EndUser',
    userId: store.demoUser.userId,
    orgId: options.orgId,
    expiresAt: Number.POSITIVE_INFINITY,
  });
  seedServiceAccount(store, tokens, options);
  const challenges = createChallengeStore({
    ttlMs: options.challengeTtlMs,
    now: options.now,
    voidedBy: store.voidedBy,
  });
  return {
    options,
    store,
    tokens,
    challenges,
    userActions: createUserActionTokens({ ttlMs: options.userActionTtlMs, now: options.now, voidedBy: store.voidedBy }),
    // A registration or login that gives way takes its challenge (and token) with it: "unknown" after.
    registrations: createPendingRegistrations(
      options.now,
      {
        label: 'registrations',
        max: options.maxPendingRegistrations,
        perClient: options.maxPendingRegistrationsPerClient,
        perClientOption: 'maxPendingRegistrationsPerClient',
      },
      (registration) => {
        challenges.forget(registration.challengeIdentifier);
        tokens.revoke(registration.token);
      },
    ),
    logins: createPendingPlaces<true>(
      options.now,
      {
        label: 'logins',
        max: options.maxPendingLogins,
        perClient: options.maxPendingLoginsPerClient,
        perClientOption: 'maxPendingLoginsPerClient',
      },
      (challengeIdentifier) => challenges.forget(challengeIdentifier),
    ),
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
