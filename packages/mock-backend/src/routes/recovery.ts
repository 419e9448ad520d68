import { Hono } from 'hono';
import { bearerToken, grantOf } from '../auth.ts';
import type { MockContext } from '../context.ts';
import { badRequest, DfnsHttpError, notAuthorized } from '../errors.ts';
import { refuseCredentialIdOfAnotherUser, storeCredential } from '../state/storeCredential.ts';
import { verifyCredential } from '../verify/verifyCredential.ts';
import { verifyKeyAssertion } from '../verify/verifyKeyCredential.ts';
import { defaultCredentialName } from '../wire/createCredentialBody.ts';
import { readRecoverBody, signsNewCredentials } from '../wire/recoverBody.ts';
import { parseJsonObject, stringField } from '../wire/requestBody.ts';
import { beginRecovery, recoveryKeyOf } from './beginRecovery.ts';

/**
 * Account recovery with a RecoveryKey, as Dfns does it: `POST /auth/recover/user/code` (no auth) "mails"
 * a verification code; `POST /auth/recover/user/init` (no auth) trades it, with the id of one of the
 * user's RecoveryKeys, for a registration-like challenge, a temporary token and the key's
 * `encryptedRecoveryKey`; `POST /auth/recover/user` (Bearer = that token) registers new credentials
 * signed by the RecoveryKey and archives every previous credential. Plus the mock-only
 * `GET /mock/recovery-codes?username=`, the mail the mock cannot send.
 */
export function recoveryRoutes(ctx: MockContext) {
  const { options, store, tokens, challenges, recoveryCodes, recoveries } = ctx;
  const app = new Hono();

  const checkOrg = (body: Record<string, unknown>) => {
    const orgId = stringField(body.orgId, 'orgId');
    if (orgId !== options.orgId) throw badRequest(`orgId ${orgId} is not an organisation of this server`);
  };

  app.post('/auth/recover/user/code', async (c) => {
    const body = parseJsonObject(await c.req.text());
    const username = stringField(body.username, 'username');
    checkOrg(body);
    const user = store.userByName(username);
    // The same answer whether or not the user exists: the route does not tell who has an account.
    if (user) {
      const { code, expiresAt } = recoveryCodes.issue(user.userId);
      options.onVerificationCode?.({
        username: user.username,
        userId: user.userId,
        verificationCode: code,
        expiresAt: new Date(expiresAt).toISOString(),
      });
    }
    return c.json({ message: 'success' });
  });

  app.post('/auth/recover/user/init', async (c) => {
    const body = parseJsonObject(await c.req.text());
    const username = stringField(body.username, 'username');
    const verificationCode = stringField(body.verificationCode, 'verificationCode');
    const credentialId = stringField(body.credentialId, 'credentialId');
    checkOrg(body);
    const user = store.userByName(username);
    // An unknown username has no code: the same 400 as a wrong code.
    const code = recoveryCodes.check(user?.userId, verificationCode);
    if (!user) throw badRequest('verificationCode is not valid for this username');
    const credential = recoveryKeyOf(store, user, credentialId);
    // Spent only now: a mistyped credentialId does not cost the code.
    recoveryCodes.spend(code);
    return c.json(await beginRecovery(ctx, user, credential));
  });

  app.post('/auth/recover/user', async (c) => {
    const header = c.req.header('Authorization');
    const grant = grantOf(ctx, header, ['Recovery']);
    const token = bearerToken(header) ?? '';
    const recovery = recoveries.get(token);
    // Its recovery is complete (or another one replaced the user's credentials): the token is spent.
    if (!recovery) throw notAuthorized({ reason: 'token', problem: 'unknown', expected: 'recovery' });
    const body = readRecoverBody(parseJsonObject(await c.req.text()));
    const issued = challenges.consume(recovery.challengeIdentifier, grant.userId);
    recoveries.end(token);
    const user = store.user(grant.userId);
    if (!user) throw notAuthorized({ reason: 'token', problem: 'unknown', expected: 'recovery' });

    const { credId } = body.assertion;
    if (credId !== recovery.recoveryCredentialId) {
      throw badRequest(
        `recovery.credentialAssertion.credId ${credId} is not the RecoveryKey this recovery was started with (credentialId of POST /auth/recover/user/init)`,
      );
    }
    const recoveryKey = store.findCredential(user.userId, credId);
    if (recoveryKey?.kind !== 'RecoveryKey' || !recoveryKey.isActive) {
      throw badRequest(`recovery.credentialAssertion.credId ${credId} is no longer an active RecoveryKey of this user`);
    }
    await verifyKeyAssertion(
      body.assertion,
      recoveryKey.publicKey,
      {
        matches: (challenge) => signsNewCredentials(challenge, body.newCredentialsJson),
        what: 'base64url of the JSON of newCredentials (Dfns: the recovery key signs the new credentials)',
      },
      options,
      'recovery.credentialAssertion',
    );

    // Every new credential verified before anything changes.
    const requestOrigin = c.req.header('Origin');
    const first = await verifyCredential(ctx, body.firstFactor, issued, requestOrigin);
    const newRecovery = body.recoveryCredential
      ? await verifyCredential(ctx, body.recoveryCredential, issued, requestOrigin)
      : undefined;
    if (newRecovery && newRecovery.credentialId === first.credentialId) {
      throw badRequest('newCredentials: the first factor and the recovery credential have the same credId');
    }
    for (const verified of [first, newRecovery]) {
      if (verified) refuseCredentialIdOfAnotherUser(store, user.userId, verified.credentialId);
    }

    // Dfns: "all of the user's previous credentials and personal access tokens will be invalidated".
    store.archiveCredentialsOf(user.userId);
    tokens.revokeUser(user.userId);
    const credential = storeCredential(ctx, user.userId, first, {
      kind: body.firstFactor.credentialKind,
      name: body.firstFactor.credentialName ?? defaultCredentialName(body.firstFactor.credentialKind, user.username),
      encryptedPrivateKey: body.firstFactor.encryptedPrivateKey,
    });
    if (newRecovery && body.recoveryCredential) {
      storeCredential(ctx, user.userId, newRecovery, {
        kind: 'RecoveryKey',
        name: body.recoveryCredential.credentialName ?? defaultCredentialName('Recovery key', user.username),
        encryptedPrivateKey: body.recoveryCredential.encryptedPrivateKey,
      });
    }
    return c.json({
      credential: { uuid: credential.credentialUuid, kind: credential.kind, name: credential.name },
      user: { id: user.userId, username: user.username, orgId: user.orgId },
    });
  });

  // Mock only, outside the Dfns namespace: the verification code Dfns would have e-mailed.
  app.get('/mock/recovery-codes', (c) => {
    const username = c.req.query('username');
    if (!username) throw badRequest('username is required: GET /mock/recovery-codes?username=<username>');
    const user = store.userByName(username);
    const code = user && recoveryCodes.latest(user.userId);
    if (!user || !code) {
      throw new DfnsHttpError(404, `no live verification code for ${username}: POST /auth/recover/user/code first`);
    }
    return c.json({
      username: user.username,
      verificationCode: code.code,
      expiresAt: new Date(code.expiresAt).toISOString(),
    });
  });

  return app;
}
