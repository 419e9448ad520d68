import { Hono } from 'hono';
import { requireUser, requireUserAction } from '../auth.ts';
import type { MockContext, MockEnv } from '../context.ts';
import { badRequest } from '../errors.ts';
import { storeCredential } from '../state/storeCredential.ts';
import { verifyCredential } from '../verify/verifyCredential.ts';
import { readCreateCredentialBody, registrableKind } from '../wire/createCredentialBody.ts';
import { fido2ChallengeFields } from '../wire/fido2ChallengeFields.ts';
import { parseJsonObject } from '../wire/requestBody.ts';
import { toCredentialResponse } from '../wire/toCredentialResponse.ts';

/** `POST /auth/credentials/init`, `POST /auth/credentials` (change-inducing), `GET /auth/credentials`. */
export function credentialRoutes(ctx: MockContext) {
  const { options, store, challenges } = ctx;
  const app = new Hono<MockEnv>();
  const creators = requireUser(ctx, { refuse: ['PersonalAccessToken', 'ServiceAccount'] });

  app.post('/auth/credentials/init', creators, async (c) => {
    const user = c.get('user');
    const kind = registrableKind(parseJsonObject(await c.req.text()).kind, 'kind');
    const issued = challenges.issue({ userId: user.userId, kind, userVerification: 'required' });
    const { authenticatorSelection, excludeCredentials, ...common } = fido2ChallengeFields(ctx, user.userId);
    const challenge = {
      kind,
      user: { id: user.userId, name: user.username, displayName: user.displayName },
      challengeIdentifier: issued.challengeIdentifier,
      challenge: issued.challenge,
      rp: { id: options.rpId, name: options.rpName },
      ...common,
      temporaryAuthenticationToken: issued.challengeIdentifier,
    };
    return c.json(kind === 'Fido2' ? { ...challenge, authenticatorSelection, excludeCredentials } : challenge);
  });

  app.post('/auth/credentials', creators, requireUserAction(ctx), async (c) => {
    const user = c.get('user');
    const body = readCreateCredentialBody(parseJsonObject(await c.req.text()));
    const issued = challenges.consume(body.challengeIdentifier, user.userId);
    if (issued.kind !== body.credentialKind) {
      throw badRequest(`credentialKind ${body.credentialKind} does not match the challenge's kind ${issued.kind}`);
    }
    const verified = await verifyCredential(ctx, body, issued, c.req.header('Origin'));
    const credential = storeCredential(ctx, user.userId, verified, {
      kind: body.credentialKind,
      name: body.credentialName,
      encryptedPrivateKey: body.encryptedPrivateKey,
    });
    return c.json(toCredentialResponse(credential));
  });

  app.get('/auth/credentials', requireUser(ctx), (c) =>
    c.json({ items: store.credentialsOf(c.get('user').userId).map(toCredentialResponse) }),
  );

  // Mock-only: who the bearer token belongs to, so a demo can say who is signed in.
  app.get('/auth/users/me', requireUser(ctx), (c) => c.json(c.get('user')));

  return app;
}
