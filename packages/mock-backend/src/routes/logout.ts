import { Hono } from 'hono';
import { bearerToken, requireUser } from '../auth.ts';
import type { MockContext, MockEnv } from '../context.ts';
import { badRequest } from '../errors.ts';
import { checkJsonContentType } from '../wire/jsonContentType.ts';
import { describe, parseJsonObject } from '../wire/requestBody.ts';

/**
 * Sign-out: `PUT /auth/logout` `{ allSessions? }` with a user's bearer token (not user-action signed,
 * as the SDK sends it) ends that token, or with `allSessions: true` every token of the user; then
 * they are refused as unknown tokens are (401 `Not Authorized.`). As at Dfns, organisation users and
 * end users only: personal access tokens and service accounts get a 403.
 */
export function logoutRoutes(ctx: MockContext) {
  const app = new Hono<MockEnv>();

  app.put('/auth/logout', requireUser(ctx, { refuse: ['PersonalAccessToken', 'ServiceAccount'] }), async (c) => {
    const text = await c.req.text();
    let allSessions = false;
    // The body is optional: the SDK's logout() sends none. One that is sent is JSON, checked before
    // anything ends: a refused logout ends nothing.
    if (text.trim() !== '') {
      checkJsonContentType(c.req.header('Content-Type'));
      const body = parseJsonObject(text);
      if (body.allSessions !== undefined && typeof body.allSessions !== 'boolean') {
        throw badRequest(`allSessions must be a boolean when present, got ${describe(body.allSessions)}`);
      }
      allSessions = body.allSessions === true;
    }
    if (allSessions) ctx.tokens.revokeUser(c.get('user').userId);
    else ctx.tokens.revoke(bearerToken(c.req.header('Authorization')) ?? '');
    return c.json({ message: 'success' });
  });

  return app;
}
