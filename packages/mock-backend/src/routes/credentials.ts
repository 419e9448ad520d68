import { type Context, Hono } from 'hono';
import { requireUser, requireUserAction } from '../auth.ts';
import type { MockContext, MockEnv } from '../context.ts';
import { badRequest, DfnsHttpError } from '../errors.ts';
import type { IssuedChallenge } from '../state/challenges.ts';
import { storeCredential } from '../state/storeCredential.ts';
import { verifyCredential } from '../verify/verifyCredential.ts';
import { readCreateCredentialBody, registrableKind } from '../wire/createCredentialBody.ts';
import { isSigningKind } from '../wire/readFirstFactor.ts';
import { parseJsonObject, stringField } from '../wire/requestBody.ts';
import { toCredentialChallenge } from '../wire/toCredentialChallenge.ts';
import { toCredentialResponse } from '../wire/toCredentialResponse.ts';

/**
 * `POST /auth/credentials/init`, `POST /auth/credentials`, `GET /auth/credentials`, and
 * `PUT /auth/credentials/activate` / `deactivate`; the POST and the PUTs are change-inducing.
 */
/** A challenge of `POST /auth/credentials/init`: a credential's kind. */
const isCredentialKind = (kind: IssuedChallenge['kind']) =>
  kind === 'Fido2' || kind === 'Key' || kind === 'PasswordProtectedKey' || kind === 'RecoveryKey';

export function credentialRoutes(ctx: MockContext) {
  const { store, challenges } = ctx;
  const app = new Hono<MockEnv>();
  const creators = requireUser(ctx, { refuse: ['PersonalAccessToken', 'ServiceAccount'] });

  app.post('/auth/credentials/init', creators, async (c) => {
    const user = c.get('user');
    const kind = registrableKind(parseJsonObject(await c.req.text()).kind, 'kind');
    const issued = challenges.issue(
      {
        userId: user.userId,
        kind,
        userVerification: 'required',
        provenance: c.get('provenance'),
      },
      { owner: `user:${user.userId}`, max: ctx.options.maxCredentialChallengesPerUser },
    );
    return c.json(toCredentialChallenge(ctx, user, kind, issued));
  });

  app.post('/auth/credentials', creators, requireUserAction(ctx), async (c) => {
    const user = c.get('user');
    const body = readCreateCredentialBody(parseJsonObject(await c.req.text()));
    const issued = challenges.consume(body.challengeIdentifier, user.userId, (challenge) =>
      challenge.credentialCode !== undefined
        ? 'challengeIdentifier comes from POST /auth/credentials/code/init: complete it with /code/verify'
        : !isCredentialKind(challenge.kind)
          ? 'challengeIdentifier is not a challenge of POST /auth/credentials/init: ask it for one'
          : undefined,
    );
    const verified = await verifyCredential(ctx, body, issued, c.req.header('Origin'));
    await ctx.testHooks?.beforeWrite?.();
    // No await from here to the write: a recovery that completed meanwhile has ended the token.
    const credential = storeCredential(
      ctx,
      user.userId,
      verified,
      {
        kind: body.credentialKind,
        name: body.credentialName,
        encryptedPrivateKey: body.encryptedPrivateKey,
      },
      { token: c.get('token'), provenance: issued.provenance },
    );
    return c.json(toCredentialResponse(credential));
  });

  // Dfns: "If the credential is already (de)activated no action is taken", and the answer is a generic
  // { message: "success" }. Dfns's behaviour when the last credential that can sign goes is unknown:
  // the mock refuses it, so that nobody locks themselves out (nothing could sign the reactivation).
  const setActive = (isActive: boolean) => async (c: Context<MockEnv>) => {
    const user = c.get('user');
    const uuid = stringField(parseJsonObject(await c.req.text()).credentialUuid, 'credentialUuid');
    const credential = store.credentialByUuid(user.userId, uuid);
    if (!credential) throw new DfnsHttpError(404, `credential ${uuid} not found among this user's credentials`);
    const signers = store.credentialsOf(user.userId).filter((other) => other.isActive && isSigningKind(other.kind));
    if (!isActive && signers.length === 1 && signers[0] === credential) {
      throw badRequest(
        `credential ${uuid} is the last active credential that can sign: deactivating it would lock this user out. Add or activate another first`,
      );
    }
    if (isActive) credential.isActive = true;
    // Deactivating voids what the credential's signatures made: codes, their challenges, unspent user
    // actions, and the sessions it signed in (but the caller's own: deactivating a passkey from the
    // session it began does not sign the person out).
    else if (credential.isActive) {
      store.deactivate(credential);
      ctx.tokens.revokeSignedInWith(credential.credentialUuid, c.get('token'));
    }
    return c.json({ message: 'success' });
  };
  app.put('/auth/credentials/activate', creators, requireUserAction(ctx), setActive(true));
  app.put('/auth/credentials/deactivate', creators, requireUserAction(ctx), setActive(false));

  app.get('/auth/credentials', requireUser(ctx), (c) =>
    c.json({ items: store.credentialsOf(c.get('user').userId).map(toCredentialResponse) }),
  );

  // Mock-only: who the bearer token belongs to, so a demo can say who is signed in.
  app.get('/auth/users/me', requireUser(ctx), (c) => c.json(c.get('user')));

  return app;
}
