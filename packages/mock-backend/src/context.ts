import type { ResolvedMockOptions } from './config.ts';
import type { ChallengeStore } from './state/challenges.ts';
import type { MockStore, MockUser } from './state/store.ts';
import type { TokenKind, TokenStore } from './state/tokens.ts';
import type { UserActionTokens } from './state/userActionTokens.ts';

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
