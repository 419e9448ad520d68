import { DfnsError } from '@dfns/sdk';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { createAccounts, createSessions, type Session } from './accounts.ts';
import type { DfnsClients } from './dfns.ts';

const SESSION_COOKIE = 'session';

/** A refusal of this server, in the shape Dfns (and credkit's fetcher) use: `{ error: { message } }`. */
function refuse(status: ContentfulStatusCode, message: string): never {
  throw new HTTPException(status, { message });
}

/**
 * The app's API: its own accounts and sessions, and Dfns through the service account (delegated
 * registration, login and recovery) or as the signed-in user (adding a credential: `…Init` here, the
 * browser signs, `…Complete` here). The browser never holds a Dfns token.
 */
export function createRoutes(dfns: DfnsClients) {
  const accounts = createAccounts();
  const sessions = createSessions();
  const app = new Hono<{ Variables: { session: Session } }>();

  app.onError((error, c) => {
    // Dfns's own refusal (a 4xx with its message) goes to the browser as Dfns worded it.
    if (error instanceof DfnsError && error.httpStatus >= 400 && error.httpStatus < 500) {
      return c.json({ error: { message: error.message } }, error.httpStatus as ContentfulStatusCode);
    }
    if (error instanceof HTTPException) return c.json({ error: { message: error.message } }, error.status);
    console.error('delegated example server:', error);
    return c.json({ error: { message: 'The server could not complete the request' } }, 502);
  });

  const startSession = (c: Parameters<typeof setCookie>[0], session: Session) => {
    sessions.end(getCookie(c, SESSION_COOKIE));
    setCookie(c, SESSION_COOKIE, sessions.start(session), { httpOnly: true, sameSite: 'Strict', path: '/api' });
  };
  const signedIn = createMiddleware<{ Variables: { session: Session } }>(async (c, next) => {
    const session = sessions.get(getCookie(c, SESSION_COOKIE));
    if (!session) refuse(401, 'Sign in first');
    c.set('session', session);
    await next();
  });
  const dfnsToken = (session: Session): string => session.dfnsToken ?? refuse(401, 'Sign in first');
  const credentials = async (c: { req: { json(): Promise<unknown> } }) => {
    const body = (await c.req.json().catch(() => undefined)) as Record<string, unknown> | undefined;
    const username = typeof body?.username === 'string' ? body.username.trim() : '';
    const password = typeof body?.password === 'string' ? body.password : '';
    if (!username || password.length < 8) refuse(400, 'A username and a password of at least 8 characters');
    return { username, password, body };
  };

  // Sign-up: the app's account, then Dfns's delegated registration. The browser makes the passkey
  // for this challenge and hands the signed credentials to POST /api/registration.
  app.post('/api/signup', async (c) => {
    const { username, password } = await credentials(c);
    const created = await accounts.create(username, password);
    // A sign-up tried again (a cancelled passkey prompt, say) gets a fresh challenge, with the same password.
    if (!created && !(await accounts.check(username, password))) refuse(409, `${username} already has an account`);
    const challenge = await dfns.serviceAccount.auth.createDelegatedRegistrationChallenge({
      body: { kind: 'EndUser', email: username },
    });
    startSession(c, { username, temporaryToken: challenge.temporaryAuthenticationToken });
    return c.json(challenge);
  });

  app.post('/api/registration', signedIn, async (c) => {
    const session = c.get('session');
    const temporaryToken = session.temporaryToken ?? refuse(409, 'No sign-up in progress');
    const registration = await dfns.withTemporaryToken(temporaryToken).auth.registerEndUser({
      body: await c.req.json(),
    });
    session.temporaryToken = undefined;
    // The user's Dfns token stays in the session; the browser learns what it may show.
    session.dfnsToken = registration.authentication.token;
    return c.json({ credential: registration.credential, user: registration.user });
  });

  // Sign-in: the app's own login, then Dfns's delegated login (no passkey prompt).
  app.post('/api/login', async (c) => {
    const { username, password } = await credentials(c);
    if (!(await accounts.check(username, password))) refuse(401, 'Wrong username or password');
    const { token } = await dfns.serviceAccount.auth.delegatedLogin({ body: { username } });
    startSession(c, { username, dfnsToken: token });
    return c.json({ username });
  });

  app.post('/api/logout', async (c) => {
    const id = getCookie(c, SESSION_COOKIE);
    const token = sessions.get(id)?.dfnsToken;
    sessions.end(id);
    deleteCookie(c, SESSION_COOKIE, { path: '/api' });
    // Ends the Dfns token too, not only the app's session.
    if (token) await dfns.asUser(token).auth.logout({ body: {} });
    return c.json({ message: 'signed out' });
  });

  app.get('/api/me', signedIn, (c) => {
    const session = c.get('session');
    dfnsToken(session);
    return c.json({ username: session.username });
  });

  // The user's credentials, and adding one: the challenge here, the ceremony in the browser, the
  // user action split in two around the browser's signature.
  app.get('/api/credentials', signedIn, async (c) =>
    c.json(await dfns.asUser(dfnsToken(c.get('session'))).auth.listCredentials()),
  );

  app.post('/api/credentials/init', signedIn, async (c) => {
    const { kind } = (await c.req.json()) as { kind: 'Fido2' };
    return c.json(await dfns.asUser(dfnsToken(c.get('session'))).auth.createCredentialChallenge({ body: { kind } }));
  });

  app.post('/api/credentials', signedIn, async (c) => {
    const session = c.get('session');
    // Kept as received: Complete must send the very body the user signs for.
    session.pendingCredential = await c.req.json();
    return c.json(
      await dfns.asUser(dfnsToken(session)).auth.createCredentialInit({ body: session.pendingCredential as never }),
    );
  });

  app.post('/api/credentials/complete', signedIn, async (c) => {
    const session = c.get('session');
    const body = session.pendingCredential ?? refuse(409, 'No credential waits for a signature');
    session.pendingCredential = undefined;
    const { signedChallenge } = (await c.req.json()) as { signedChallenge: never };
    return c.json(
      await dfns.asUser(dfnsToken(session)).auth.createCredentialComplete({ body: body as never }, signedChallenge),
    );
  });

  // Recovery: the person proves who they are to the app (here, its password), Dfns's delegated
  // recovery gives the challenge; the browser opens the recovery key and signs the new credentials.
  app.post('/api/recovery', async (c) => {
    const { username, password, body } = await credentials(c);
    if (!(await accounts.check(username, password))) refuse(401, 'Wrong username or password');
    const credentialId = typeof body?.credentialId === 'string' ? body.credentialId : refuse(400, 'credentialId');
    const challenge = await dfns.serviceAccount.auth.createDelegatedRecoveryChallenge({
      body: { username, credentialId },
    });
    startSession(c, { username, temporaryToken: challenge.temporaryAuthenticationToken });
    return c.json(challenge);
  });

  app.post('/api/recovery/complete', signedIn, async (c) => {
    const session = c.get('session');
    const temporaryToken = session.temporaryToken ?? refuse(409, 'No recovery in progress');
    const recovered = await dfns.withTemporaryToken(temporaryToken).auth.recover({ body: await c.req.json() });
    session.temporaryToken = undefined;
    // Dfns voids every token of the user on recovery: sign in again (the app's login, then delegated login).
    return c.json(recovered);
  });

  return app;
}
