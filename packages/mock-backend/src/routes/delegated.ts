import { Hono } from 'hono';
import { requireServiceAccount, requireUserAction } from '../auth.ts';
import type { MockContext, MockEnv } from '../context.ts';
import { badRequest, DfnsHttpError } from '../errors.ts';
import type { MockUser } from '../state/store.ts';
import { USER_TOKEN_TTL_MS } from '../state/tokens.ts';
import { nameField } from '../wire/nameField.ts';
import { parseJsonObject, stringField } from '../wire/requestBody.ts';
import { beginRecovery, recoveryKeyOf } from './beginRecovery.ts';
import { beginRegistration } from './beginRegistration.ts';

/**
 * Dfns's delegated flows, for an app that keeps its own users and login: its backend's service account
 * (and only it: other tokens get a 403, as Dfns's references say) registers, logs in and recovers end
 * users, each call signed by the service account's own user action.
 * - `POST /auth/registration/delegated` `{ email, kind: "EndUser", externalId? }` → the registration
 *   challenge of `/auth/registration/init`, completed by `POST /auth/registration/enduser` (or `/auth/registration`);
 * - `POST /auth/login/delegated` `{ username }` → `{ token }`, an end user's token, with no credential;
 * - `POST /auth/recover/user/delegated` `{ username, credentialId }` → the recovery challenge of
 *   `/auth/recover/user/init` with no verification code, completed by `POST /auth/recover/user`.
 */
export function delegatedRoutes(ctx: MockContext) {
  const { options, store, tokens, registrations } = ctx;
  const app = new Hono<MockEnv>();
  const serviceAccountOnly = requireServiceAccount(ctx);
  const signed = requireUserAction(ctx);

  /** The user a delegated call names: a 404 when none (the service account is found by no name). */
  const userNamed = (username: string): MockUser => {
    const user = store.userByName(username);
    if (user) return user;
    throw new DfnsHttpError(
      404,
      registrations.delegatedTo(username)
        ? `User not found: the registration of ${username} is not completed (POST /auth/registration/enduser with its temporaryAuthenticationToken)`
        : 'User not found',
    );
  };

  app.post('/auth/registration/delegated', serviceAccountOnly, signed, async (c) => {
    const body = parseJsonObject(await c.req.text());
    // Dfns: "any unique string accepted, e.g. your internal user ID or email": the username rule.
    const email = nameField(body.email, 'email', 'username');
    const kind = stringField(body.kind, 'kind');
    if (kind !== 'EndUser') {
      throw badRequest(`kind must be "EndUser" (a service account registers end users), got "${kind}"`);
    }
    const externalId = body.externalId === undefined ? undefined : stringField(body.externalId, 'externalId');
    return c.json(await beginRegistration(ctx, { username: email, delegated: true, externalId }));
  });

  app.post('/auth/login/delegated', serviceAccountOnly, signed, async (c) => {
    const body = parseJsonObject(await c.req.text());
    const user = userNamed(stringField(body.username, 'username'));
    const token = await tokens.mint({
      kind: user.kind,
      userId: user.userId,
      orgId: user.orgId,
      expiresAt: options.now() + USER_TOKEN_TTL_MS,
    });
    return c.json({ token });
  });

  app.post('/auth/recover/user/delegated', serviceAccountOnly, signed, async (c) => {
    const body = parseJsonObject(await c.req.text());
    const username = stringField(body.username, 'username');
    const credentialId = stringField(body.credentialId, 'credentialId');
    const user = userNamed(username);
    return c.json(await beginRecovery(ctx, user, recoveryKeyOf(store, user, credentialId)));
  });

  return app;
}
