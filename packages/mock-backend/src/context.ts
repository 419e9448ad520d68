import type { ChallengeStore } from './challenges.ts';
import type { ResolvedMockOptions } from './config.ts';
import type { MockStore, MockUser } from './store.ts';
import type { TokenKind, TokenStore } from './tokens.ts';
import type { UserActionTokens } from './userActionTokens.ts';

/** Everything the routes share: options and the in-memory state of one backend. */
export interface MockContext {
  options: ResolvedMockOptions;
  store: MockStore;
  tokens: TokenStore;
  challenges: ChallengeStore;
  userActions: UserActionTokens;
}

/** Hono variables set by the auth middleware. */
export type MockEnv = { Variables: { user: MockUser; tokenKind: TokenKind } };
