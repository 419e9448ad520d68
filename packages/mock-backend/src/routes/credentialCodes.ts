import { Hono } from 'hono';
import { requireUser, requireUserAction } from '../auth.ts';
import type { MockContext, MockEnv } from '../context.ts';
import { badRequest } from '../errors.ts';
import { storeCredential } from '../state/storeCredential.ts';
import { verifyCredential } from '../verify/verifyCredential.ts';
import { readCodeExpiration } from '../wire/codeExpiration.ts';
import { readCreateCredentialBody, registrableKind } from '../wire/createCredentialBody.ts';
import { parseJsonObject, stringField } from '../wire/requestBody.ts';
import { toCredentialChallenge } from '../wire/toCredentialChallenge.ts';
import { toCredentialResponse } from '../wire/toCredentialResponse.ts';

/**
 * Dfns's "Create Credential With Code" flow, to add a credential where none of the user's can sign:
 * `POST /auth/credentials/code` (signed in, change-inducing) → a one-time code;
 * `POST /auth/credentials/code/init` `{ code, credentialKind }` (no auth: the code is the proof) →
 * the code's user's credential challenge; `POST /auth/credentials/code/verify` (no auth) with the body
 * of `POST /auth/credentials` → the new credential, stored for that user, and the code spent.
 */
export function credentialCodeRoutes(ctx: MockContext) {
  const { options, store, challenges, credentialCodes } = ctx;
  const app = new Hono<MockEnv>();

  app.post(
    '/auth/credentials/code',
    requireUser(ctx, { refuse: ['PersonalAccessToken', 'ServiceAccount'] }),
    requireUserAction(ctx),
    async (c) => {
      const body = parseJsonObject(await c.req.text());
      const expiresAt = readCodeExpiration(body.expiration, options.now());
      const { code } = credentialCodes.issue(c.get('user').userId, expiresAt, c.get('provenance'));
      return c.json({ code, expiration: new Date(expiresAt).toISOString() });
    },
  );

  app.post('/auth/credentials/code/init', async (c) => {
    const body = parseJsonObject(await c.req.text());
    const code = stringField(body.code, 'code');
    const kind = registrableKind(body.credentialKind, 'credentialKind');
    const { userId, provenance } = credentialCodes.redeemable(code);
    const user = store.user(userId);
    if (!user) throw badRequest('code is unknown: its user is gone');
    const issued = challenges.issue(
      {
        userId,
        kind,
        userVerification: 'required',
        credentialCode: code,
        ...(provenance && { provenance }),
      },
      { owner: `code:${code}`, max: options.maxChallengesPerCredentialCode },
    );
    return c.json(toCredentialChallenge(ctx, user, kind, issued));
  });

  app.post('/auth/credentials/code/verify', async (c) => {
    const body = readCreateCredentialBody(parseJsonObject(await c.req.text()));
    // Anyone may call: a challenge of another flow is refused before it is spent, so nobody can burn it.
    const issued = challenges.consume(body.challengeIdentifier, null, (challenge) =>
      challenge.credentialCode === undefined || challenge.userId === undefined
        ? 'challengeIdentifier does not come from POST /auth/credentials/code/init'
        : undefined,
    );
    const { credentialCode: code, userId } = issued;
    if (code === undefined || userId === undefined) {
      throw badRequest('challengeIdentifier does not come from POST /auth/credentials/code/init');
    }
    const verified = await verifyCredential(ctx, body, issued, c.req.header('Origin'));
    await ctx.testHooks?.beforeWrite?.();
    // Synchronous from here: no other request can spend the code, nor a recovery or deactivation void
    // it, between this check and the write.
    credentialCodes.assertUnspent(code);
    const credential = storeCredential(
      ctx,
      userId,
      verified,
      { kind: body.credentialKind, name: body.credentialName, encryptedPrivateKey: body.encryptedPrivateKey },
      { provenance: issued.provenance },
    );
    credentialCodes.spend(code);
    return c.json(toCredentialResponse(credential));
  });

  return app;
}
