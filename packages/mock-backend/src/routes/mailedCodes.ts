import { Hono } from 'hono';
import type { MockContext } from '../context.ts';
import { badRequest, DfnsHttpError } from '../errors.ts';
import type { MailedCodes } from '../state/mailedCodes.ts';
import { orgIdField } from '../wire/orgIdField.ts';
import { parseJsonObject, stringField } from '../wire/requestBody.ts';

/** Which codes, and where they go, for {@link mailedCodeRoutes}. */
export interface MailedCodeRoutes {
  /** The Dfns route that mails one: `/auth/recover/user/code`. */
  send: string;
  /** The mock-only route that shows the newest: `/mock/recovery-codes`. */
  show: string;
  /** The codes; their `field` names the code in the answer of `show`. */
  codes: MailedCodes;
  /** What a code is called in messages: `verification code`. */
  label: string;
  /** The mail the mock cannot send, for the option that receives it. */
  deliver: (mail: { username: string; userId: string; code: string; expiresAt: string }) => void;
}

/**
 * A code Dfns e-mails, as routes: `POST <send>` `{ username, orgId }` (no auth) answers
 * `{ "message": "success" }` whether or not the user exists, and "mails" a code to a known user
 * (`deliver`); the mock-only `GET <show>?username=` answers the newest, the mail read back.
 */
export function mailedCodeRoutes(ctx: MockContext, { send, show, codes, label, deliver }: MailedCodeRoutes) {
  const app = new Hono();

  app.post(send, async (c) => {
    const body = parseJsonObject(await c.req.text());
    const username = stringField(body.username, 'username');
    orgIdField(body.orgId, ctx.options);
    const user = ctx.store.userByName(username);
    // The same answer whether or not the user exists, or already holds all the codes it may: the route
    // does not tell who has an account.
    const mailed = user && codes.issue(user.userId);
    if (user && mailed) {
      const { code, expiresAt } = mailed;
      deliver({ username: user.username, userId: user.userId, code, expiresAt: new Date(expiresAt).toISOString() });
    }
    return c.json({ message: 'success' });
  });

  // Mock only, outside the Dfns namespace: the code Dfns would have e-mailed.
  app.get(show, (c) => {
    const username = c.req.query('username');
    if (!username) throw badRequest(`username is required: GET ${show}?username=<username>`);
    const user = ctx.store.userByName(username);
    const mailed = user && codes.latest(user.userId);
    if (!user || !mailed) throw new DfnsHttpError(404, `no live ${label} for ${username}: POST ${send} first`);
    return c.json({
      username: user.username,
      [codes.field]: mailed.code,
      expiresAt: new Date(mailed.expiresAt).toISOString(),
    });
  });

  return app;
}
