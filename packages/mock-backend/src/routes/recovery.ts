import { Hono } from 'hono';
import { bearerToken, grantOf } from '../auth.ts';
import type { MockContext } from '../context.ts';
import { badRequest, notAuthorized } from '../errors.ts';
import { storeCredential } from '../state/storeCredential.ts';
import { verifyKeyAssertion } from '../verify/verifyKeyCredential.ts';
import { verifyNewCredentials } from '../verify/verifyNewCredentials.ts';
import { fido2ChallengeFields } from '../wire/fido2ChallengeFields.ts';
import { orgIdField } from '../wire/orgIdField.ts';
import { readRecoverBody, signsNewCredentials } from '../wire/recoverBody.ts';
import { parseJsonObject, stringField } from '../wire/requestBody.ts';
import { mailedCodeRoutes } from './mailedCodes.ts';

/**
 * Account recovery with a RecoveryKey, as Dfns does it: `POST /auth/recover/user/code` (no auth) "mails"
 * a verification code; `POST /auth/recover/user/init` (no auth) trades it, with the id of one of the
 * user's RecoveryKeys, for a registration-like challenge, a temporary token and the key's
 * `encryptedRecoveryKey`; `POST /auth/recover/user` (Bearer = that token) registers new credentials
 * signed by the RecoveryKey and archives every previous credential. Plus the mock-only
 * `GET /mock/recovery-codes?username=`, the mail the mock cannot send.
 */
export function recoveryRoutes(ctx: MockContext) {
  const { options, store, tokens, challenges, recoveryCodes, loginCodes, recoveries } = ctx;
  const app = new Hono();

  app.route(
    '/',
    mailedCodeRoutes(ctx, {
      send: '/auth/recover/user/code',
      show: '/mock/recovery-codes',
      codes: recoveryCodes,
      label: 'verification code',
      deliver: ({ code, ...mail }) => options.onVerificationCode?.({ ...mail, verificationCode: code }),
    }),
  );

  app.post('/auth/recover/user/init', async (c) => {
    const body = parseJsonObject(await c.req.text());
    const username = stringField(body.username, 'username');
    const verificationCode = stringField(body.verificationCode, 'verificationCode');
    const credentialId = stringField(body.credentialId, 'credentialId');
    orgIdField(body.orgId, options);
    const user = store.userByName(username);
    // An unknown username has no code: the same 400 as a wrong code.
    const code = recoveryCodes.check(user?.userId, verificationCode);
    if (!user) throw badRequest('verificationCode is not valid for this username');
    const credential = store.findCredential(user.userId, credentialId);
    if (!credential) {
      throw badRequest(`credentialId ${credentialId} is not a recovery credential of this user`);
    }
    if (credential.kind !== 'RecoveryKey') {
      throw badRequest(`credentialId ${credentialId} is a ${credential.kind} credential, not a RecoveryKey`);
    }
    if (!credential.isActive) throw badRequest(`credentialId ${credentialId} is a deactivated RecoveryKey`);
    // Spent only now: a mistyped credentialId does not cost the code.
    recoveryCodes.spend(code);

    const issued = challenges.issue({ userId: user.userId, kind: 'Recovery', userVerification: 'required' });
    const temporaryAuthenticationToken = await tokens.mint({
      kind: 'Recovery',
      userId: user.userId,
      orgId: user.orgId,
      expiresAt: issued.expiresAt,
    });
    recoveries.begin(
      temporaryAuthenticationToken,
      {
        userId: user.userId,
        challengeIdentifier: issued.challengeIdentifier,
        recoveryCredentialId: credential.credentialId,
      },
      issued.expiresAt,
    );
    return c.json({
      user: { id: user.userId, displayName: user.displayName, name: user.username },
      temporaryAuthenticationToken,
      challenge: issued.challenge,
      rp: { id: options.rpId, name: options.rpName },
      supportedCredentialKinds: { firstFactor: ['Fido2', 'Key', 'PasswordProtectedKey'], secondFactor: [] },
      ...fido2ChallengeFields(ctx, user.userId),
      otpUrl: '',
      allowedRecoveryCredentials: [
        { id: credential.credentialId, encryptedRecoveryKey: credential.encryptedPrivateKey ?? '' },
      ],
    });
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
    const [first, ...others] = await verifyNewCredentials(ctx, body.newCredentials, issued, {
      userId: user.userId,
      username: user.username,
      requestOrigin: c.req.header('Origin'),
    });

    // Dfns: "all of the user's previous credentials and personal access tokens will be invalidated".
    store.archiveCredentialsOf(user.userId);
    tokens.revokeUser(user.userId);
    // Codes mailed before the recovery belong to the account as it was: none opens it afterwards.
    recoveryCodes.voidUser(user.userId);
    loginCodes.voidUser(user.userId);
    const credential = storeCredential(ctx, user.userId, first.verified, first.fields);
    for (const other of others) storeCredential(ctx, user.userId, other.verified, other.fields);
    return c.json({
      credential: { uuid: credential.credentialUuid, kind: credential.kind, name: credential.name },
      user: { id: user.userId, username: user.username, orgId: user.orgId },
    });
  });

  return app;
}
