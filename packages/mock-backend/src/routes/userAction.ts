import { Hono } from 'hono';
import { requireUser } from '../auth.ts';
import type { MockContext, MockEnv } from '../context.ts';
import { badRequest } from '../errors.ts';
import { payloadHash } from '../state/userActionTokens.ts';
import { verifyAssertion } from '../verify/verifyAssertion.ts';
import { readFirstFactor } from '../wire/readFirstFactor.ts';
import { parseJsonObject, stringField } from '../wire/requestBody.ts';
import { toSigningChallenge } from '../wire/toSigningChallenge.ts';

/**
 * User-action signing: `POST /auth/action/init` → a challenge bound to the request to authorise;
 * `POST /auth/action` with an assertion of one of the user's credentials → `{ userAction }`.
 */
export function userActionRoutes(ctx: MockContext) {
  const { options, store, challenges, userActions } = ctx;
  const app = new Hono<MockEnv>();

  app.post('/auth/action/init', requireUser(ctx), async (c) => {
    const user = c.get('user');
    const body = parseJsonObject(await c.req.text());
    const payload = body.userActionPayload;
    if (typeof payload !== 'string') throw badRequest('userActionPayload is required (the exact JSON text to send)');
    const method = stringField(body.userActionHttpMethod, 'userActionHttpMethod').toUpperCase();
    const path = stringField(body.userActionHttpPath, 'userActionHttpPath');
    const issued = challenges.issue({
      userId: user.userId,
      kind: 'UserAction',
      userVerification: 'required',
      action: { method, path, payloadHash: await payloadHash(payload) },
      provenance: store.provenance(user.userId),
    });
    // Signed in as the user: the PasswordProtectedKeys come with their encryptedPrivateKey, to sign with.
    return c.json(
      toSigningChallenge(options, issued, store.credentialsOf(user.userId), { encryptedPrivateKeys: true }),
    );
  });

  app.post('/auth/action', requireUser(ctx), async (c) => {
    const user = c.get('user');
    const body = parseJsonObject(await c.req.text());
    const challengeIdentifier = stringField(body.challengeIdentifier, 'challengeIdentifier');
    const assertion = readFirstFactor(body.firstFactor);

    const issued = challenges.consume(challengeIdentifier, user.userId, (challenge) =>
      challenge.kind !== 'UserAction' || !challenge.action
        ? 'challengeIdentifier is not a user-action challenge'
        : undefined,
    );
    if (!issued.action) throw badRequest('challengeIdentifier is not a user-action challenge');
    const credential = store.findCredential(user.userId, assertion.credId);
    if (!credential || credential.kind !== assertion.kind || !credential.isActive) {
      throw badRequest(`credential ${assertion.credId} is not an active ${assertion.kind} credential of this user`);
    }
    await verifyAssertion(assertion, credential, issued, options);
    return c.json({
      userAction: userActions.issue(
        user.userId,
        issued.action,
        store.provenance(user.userId, credential.credentialUuid),
      ),
    });
  });

  return app;
}
