import { isoBase64URL } from '@simplewebauthn/server/helpers';
import { Hono } from 'hono';
import type { MockContext } from '../context.ts';
import { badRequest, DfnsHttpError } from '../errors.ts';
import type { IssuedChallenge } from '../state/challenges.ts';
import type { StoredCredential } from '../state/store.ts';
import { USER_TOKEN_TTL_MS } from '../state/tokens.ts';
import { verifyAssertion } from '../verify/verifyAssertion.ts';
import { clientOf } from '../wire/clientOf.ts';
import { orgIdField } from '../wire/orgIdField.ts';
import { type FirstFactorAssertion, isSigningKind, readFirstFactor } from '../wire/readFirstFactor.ts';
import { parseJsonObject, stringField } from '../wire/requestBody.ts';
import { toSigningChallenge } from '../wire/toSigningChallenge.ts';
import { mailedCodeRoutes } from './mailedCodes.ts';

/** A login refused for what the user has or sent: Dfns's login errors are 401s. */
function loginRefused(message: string): DfnsHttpError {
  return new DfnsHttpError(401, message);
}

/**
 * Login: `POST /auth/login/init` `{ orgId, username?, loginCode? }` (no auth) → a challenge whose
 * `allowCredentials` lists the user's active credentials (a PasswordProtectedKey's
 * `encryptedPrivateKey` only with a `loginCode`), or none without username (a discoverable passkey
 * names its user); `POST /auth/login` with an assertion of that challenge → `{ token }`, a bearer
 * token of the user the mock's other routes accept. `POST /auth/login/code` (no auth) "mails" the
 * login code; the mock-only `GET /mock/login-codes?username=` reads it back.
 */
export function loginRoutes(ctx: MockContext) {
  const { options, store, tokens, challenges, logins, loginCodes } = ctx;
  const app = new Hono();

  /** The active credential the assertion names, of the challenge's user (or, without one, of its userHandle's). */
  const credentialOf = (issued: IssuedChallenge, assertion: FirstFactorAssertion): StoredCredential => {
    const { credId } = assertion;
    if (issued.userId === undefined && assertion.kind !== 'Fido2') {
      throw badRequest('A login without username takes a discoverable passkey: firstFactor.kind must be Fido2');
    }
    const handleUser = assertion.userHandle === undefined ? undefined : isoBase64URL.toUTF8String(assertion.userHandle);
    if (issued.userId !== undefined && handleUser !== undefined && handleUser !== issued.userId) {
      throw loginRefused('The userHandle does not name the user this login challenge is for');
    }
    const userId = issued.userId ?? handleUser;
    const candidates = store
      .credentialsWithId(credId)
      .filter((credential) => userId === undefined || credential.userId === userId);
    const [credential, ...others] = candidates;
    if (!credential && store.wasArchived(credId, userId)) {
      throw loginRefused(
        `credential ${credId} was invalidated by an account recovery: log in with a credential registered by it or since`,
      );
    }
    if (!credential) {
      throw loginRefused(
        `credential ${credId} is not registered${userId === undefined ? '' : ' to the user logging in'}`,
      );
    }
    if (others.length > 0) {
      throw loginRefused(
        `credential ${credId} is registered to several users: send the userHandle the authenticator returned`,
      );
    }
    if (credential.kind !== assertion.kind) {
      throw badRequest(`credential ${credId} is a ${credential.kind} credential, not ${assertion.kind}`);
    }
    if (!credential.isActive) {
      throw loginRefused(
        `credential ${credId} is deactivated: log in with another, then activate it again (PUT /auth/credentials/activate)`,
      );
    }
    return credential;
  };

  app.route(
    '/',
    mailedCodeRoutes(ctx, {
      send: '/auth/login/code',
      show: '/mock/login-codes',
      codes: loginCodes,
      label: 'login code',
      deliver: ({ code, ...mail }) => options.onLoginCode?.({ ...mail, loginCode: code }),
    }),
  );

  app.post('/auth/login/init', async (c) => {
    const body = parseJsonObject(await c.req.text());
    orgIdField(body.orgId, options);
    const loginCode = body.loginCode === undefined ? undefined : stringField(body.loginCode, 'loginCode');
    // Init needs no token: the caps keep a flood of them from holding the mock's memory, and put its
    // cost on the flooder (see maxPendingLoginsPerClient).
    const client = clientOf(c, options);
    logins.check(client);
    const issueLogin = (userId: string | undefined) => {
      const issued = challenges.issue({ userId, kind: 'Login', userVerification: 'required' });
      logins.take(client, issued.challengeIdentifier, true, issued.expiresAt);
      return issued;
    };
    if (body.username === undefined) {
      if (loginCode !== undefined) throw badRequest('loginCode was mailed for a username: send that username with it');
      return c.json(toSigningChallenge(options, issueLogin(undefined), []));
    }
    const username = stringField(body.username, 'username');
    const user = store.userByName(username);
    // Dfns's documented login errors, word for word.
    if (!user) throw loginRefused('User not found');
    const credentials = store
      .credentialsOf(user.userId)
      .filter((credential) => credential.isActive && isSigningKind(credential.kind));
    if (credentials.length === 0) {
      throw loginRefused('User does not have a credential that can be used for the application.');
    }
    // Dfns hands a PasswordProtectedKey's encryptedPrivateKey out only with the loginCode mailed by
    // POST /auth/login/code: the challenge needs no token, and the wrapped key would let anyone who
    // knows the username guess the password offline. A wrong or spent code is refused; a good one is
    // spent by the challenge it opens.
    const mailed = loginCode === undefined ? undefined : loginCodes.check(user.userId, loginCode);
    const issued = issueLogin(user.userId);
    if (mailed) loginCodes.spend(mailed);
    return c.json(toSigningChallenge(options, issued, credentials, { encryptedPrivateKeys: mailed !== undefined }));
  });

  app.post('/auth/login', async (c) => {
    const body = parseJsonObject(await c.req.text());
    const challengeIdentifier = stringField(body.challengeIdentifier, 'challengeIdentifier');
    const assertion = readFirstFactor(body.firstFactor);
    // No credential of the mock requires a second factor (supportedCredentialKinds says so): a
    // secondFactor is not needed, and not looked at.
    // Anyone may call: a challenge of another flow is refused before it is spent, so nobody can burn it.
    const issued = challenges.consume(challengeIdentifier, null, (challenge) =>
      challenge.kind !== 'Login'
        ? 'challengeIdentifier is not a login challenge: ask POST /auth/login/init'
        : undefined,
    );
    const credential = credentialOf(issued, assertion);
    await verifyAssertion(assertion, credential, issued, options);
    const user = store.user(credential.userId);
    if (!user) throw loginRefused('User not found');
    const token = await tokens.mint({
      kind: user.kind,
      userId: user.userId,
      orgId: user.orgId,
      expiresAt: options.now() + USER_TOKEN_TTL_MS,
      signedInWith: credential.credentialUuid,
    });
    // Only a login that succeeded frees its place: a failed one holds it until it expires or gives way,
    // so a loop of init and junk assertions stays under the caps.
    logins.release(challengeIdentifier);
    return c.json({ token });
  });

  return app;
}
