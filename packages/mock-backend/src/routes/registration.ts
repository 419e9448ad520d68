import { Hono, type HonoRequest } from 'hono';
import { bearerToken, grantOf } from '../auth.ts';
import type { MockContext } from '../context.ts';
import { badRequest, notAuthorized } from '../errors.ts';
import { storeCredential } from '../state/storeCredential.ts';
import { USER_TOKEN_TTL_MS } from '../state/tokens.ts';
import { verifyNewCredentials } from '../verify/verifyNewCredentials.ts';
import { clientOf } from '../wire/clientOf.ts';
import { nameField } from '../wire/nameField.ts';
import { readNewCredentials } from '../wire/newCredentials.ts';
import { readWalletRequests } from '../wire/readWalletRequests.ts';
import { parseJsonObject, stringField } from '../wire/requestBody.ts';
import { toWallet } from '../wire/toWallet.ts';
import { beginRegistration, refuseTakenUsername } from './beginRegistration.ts';

/**
 * User registration: `POST /auth/registration/init` (no auth) → a challenge and a temporary token;
 * `POST /auth/registration` or `/auth/registration/enduser` (Bearer = that token) with the first
 * factor (Fido2, Key or PasswordProtectedKey) and optionally a RecoveryKey → the new user; `/enduser`
 * also signs them in.
 */
export function registrationRoutes(ctx: MockContext) {
  const { options, store, tokens, challenges, registrations } = ctx;
  const app = new Hono();

  app.post('/auth/registration/init', async (c) => {
    const body = parseJsonObject(await c.req.text());
    const orgId = stringField(body.orgId, 'orgId');
    const username = nameField(body.username, 'username', 'username');
    const registrationCode = stringField(body.registrationCode, 'registrationCode');
    if (orgId !== options.orgId) throw badRequest(`orgId ${orgId} is not an organisation of this server`);
    if (options.registrationCode !== undefined && registrationCode !== options.registrationCode) {
      throw badRequest('registrationCode is not valid for this username');
    }
    return c.json(await beginRegistration(ctx, { username, client: clientOf(c, options) }));
  });

  const complete = async (request: HonoRequest, { makesWallets }: { makesWallets: boolean }) => {
    const header = request.header('Authorization');
    const grant = grantOf(ctx, header, ['Registration']);
    const registration = registrations.get(grant.userId);
    // Its registration is complete, or a delegated registration asked again replaced it: the token is spent.
    if (!registration || registration.token !== bearerToken(header)) {
      throw notAuthorized({ reason: 'token', problem: 'unknown', expected: 'registration' });
    }
    const body = parseJsonObject(await request.text());
    const credentials = readNewCredentials(body);
    const wallets = readWalletRequests(body.wallets, { makesWallets });
    const issued = challenges.consume(registration.challengeIdentifier, grant.userId);
    // Every credential verified (the RecoveryKey too) before the user exists.
    const [first, ...others] = await verifyNewCredentials(ctx, credentials, issued, {
      userId: grant.userId,
      username: registration.username,
      requestOrigin: request.header('Origin'),
    });
    refuseTakenUsername(store, registration.username);
    const user = store.addUser(
      {
        username: registration.username,
        displayName: registration.username,
        kind: 'EndUser',
        ...(registration.externalId !== undefined && { externalId: registration.externalId }),
      },
      grant.userId,
    );
    const credential = storeCredential(ctx, user.userId, first.verified, first.fields);
    for (const other of others) storeCredential(ctx, user.userId, other.verified, other.fields);
    // Only a completed registration frees its place under maxPendingRegistrations: a failed one holds it
    // until it expires, so a loop of init and junk completions stays under the cap.
    registrations.end(grant.userId);
    return {
      user,
      wallets,
      answer: {
        credential: { uuid: credential.credentialUuid, kind: credential.kind, name: credential.name },
        user: { id: user.userId, username: user.username, orgId: user.orgId },
      },
    };
  };

  app.post('/auth/registration', async (c) => c.json((await complete(c.req, { makesWallets: false })).answer));

  app.post('/auth/registration/enduser', async (c) => {
    const { user, wallets, answer } = await complete(c.req, { makesWallets: true });
    const token = await tokens.mint({
      kind: 'EndUser',
      userId: user.userId,
      orgId: user.orgId,
      expiresAt: options.now() + USER_TOKEN_TTL_MS,
    });
    // Made-up records (see toWallet): Dfns's own delegated example asks for one, and runs unchanged.
    const dateCreated = new Date(options.now()).toISOString();
    return c.json({
      ...answer,
      authentication: { token },
      wallets: wallets.map((wallet) => toWallet(wallet, { userId: user.userId, dateCreated })),
    });
  });

  return app;
}
