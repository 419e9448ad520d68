import { createMiddleware } from 'hono/factory';
import type { MockContext, MockEnv } from './context.ts';
import { DfnsHttpError, notAuthorized } from './errors.ts';
import type { MockRefusalReason } from './mockRefusal.ts';
import type { TokenGrant, TokenKind } from './state/tokens.ts';
import { payloadHash } from './state/userActionTokens.ts';

/** The token of an `Authorization: Bearer …` header. */
export function bearerToken(header: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
}

/** Which token a route takes, as a refusal reports it. */
type ExpectedToken = (MockRefusalReason & { reason: 'token' })['expected'];

/**
 * The live grant of the request's bearer token, of one of `kinds`, or a 401 `Not Authorized.`;
 * `expected` names the token the route takes in the refusal (by default, from `kinds`).
 */
export function grantOf(
  ctx: MockContext,
  header: string | undefined,
  kinds: TokenKind[],
  expected: ExpectedToken = kinds.includes('Recovery')
    ? 'recovery'
    : kinds.includes('Registration')
      ? 'registration'
      : 'user',
): TokenGrant {
  const token = bearerToken(header);
  if (token === undefined) {
    throw notAuthorized({ reason: 'token', problem: header ? 'malformed' : 'missing', expected });
  }
  const grant = ctx.tokens.grantOf(token);
  if (!grant) throw notAuthorized({ reason: 'token', problem: 'unknown', expected });
  if (!kinds.includes(grant.kind)) throw notAuthorized({ reason: 'token', problem: 'wrongKind', expected });
  return grant;
}

/** The kinds of token a user (a person or a service account) holds: not a registration's or a recovery's. */
const USER_TOKEN_KINDS: TokenKind[] = ['EndUser', 'CustomerEmployee', 'PersonalAccessToken', 'ServiceAccount'];

/**
 * Needs a user's bearer token (not a registration token). Token kinds in `refuse` get a 403: as the
 * Dfns reference says, personal access tokens and service accounts may not create credentials.
 */
export function requireUser(ctx: MockContext, { refuse = [] }: { refuse?: TokenKind[] } = {}) {
  return createMiddleware<MockEnv>(async (c, next) => {
    const grant = grantOf(ctx, c.req.header('Authorization'), USER_TOKEN_KINDS);
    const user = ctx.store.user(grant.userId);
    if (!user) throw notAuthorized({ reason: 'token', problem: 'unknown', expected: 'user' });
    if (refuse.includes(grant.kind)) {
      throw new DfnsHttpError(403, `A ${grant.kind} token is not allowed to call ${c.req.method} ${c.req.path}`);
    }
    c.set('user', user);
    c.set('tokenKind', grant.kind);
    c.set('token', bearerToken(c.req.header('Authorization')) ?? '');
    c.set('provenance', ctx.store.provenance(user.userId));
    await next();
  });
}

/** The Dfns answer to a missing, replayed, expired or mismatched `X-DFNS-USERACTION`. */
export const USER_ACTION_REFUSED = 'user action signature is missing or invalid';

/**
 * A change-inducing route: needs an `X-DFNS-USERACTION` token issued to this user for this method,
 * path with its query string (`userActionHttpPath` as signed: `/x?a=1` authorises neither `/x` nor
 * `/x?a=2`) and exact body bytes; the token is spent. Off when `userActionSigning` is `off`.
 */
export function requireUserAction(ctx: MockContext) {
  return createMiddleware<MockEnv>(async (c, next) => {
    if (ctx.options.userActionSigning !== 'off') {
      const token = c.req.header('X-DFNS-USERACTION');
      const { pathname, search } = new URL(c.req.url);
      const request = {
        method: c.req.method,
        path: pathname + search,
        payloadHash: await payloadHash(await c.req.text()),
      };
      const action = token ? ctx.userActions.consume(token, c.get('user').userId, request) : undefined;
      if (!action) {
        throw new DfnsHttpError(403, USER_ACTION_REFUSED, {
          reason: 'userAction',
          problem: token ? 'invalid' : 'missing',
        });
      }
      // What this request makes (a credential code) is void once the signer is deactivated.
      if (action.provenance) c.set('provenance', action.provenance);
    }
    await next();
  });
}

/**
 * Needs the service account's token (Dfns: "Only a Service Account can use this endpoint"): none or an
 * unknown one is the usual 401; a user's token is a 403, a token not allowed here. Both are refusals
 * the CLI logs with a hint.
 */
export function requireServiceAccount(ctx: MockContext) {
  return createMiddleware<MockEnv>(async (c, next) => {
    const grant = grantOf(ctx, c.req.header('Authorization'), USER_TOKEN_KINDS, 'serviceAccount');
    const user = ctx.store.user(grant.userId);
    if (!user) throw notAuthorized({ reason: 'token', problem: 'unknown', expected: 'serviceAccount' });
    if (grant.kind !== 'ServiceAccount' || user.kind !== 'ServiceAccount') {
      throw new DfnsHttpError(
        403,
        `Only a service account can call ${c.req.method} ${c.req.path}: this token is ${grant.kind === 'ServiceAccount' ? "not the service account's" : `of kind ${grant.kind}`}`,
        {
          reason: 'token',
          problem: 'wrongKind',
          expected: 'serviceAccount',
        },
      );
    }
    c.set('user', user);
    c.set('tokenKind', grant.kind);
    await next();
  });
}
