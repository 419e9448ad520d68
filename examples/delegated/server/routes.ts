import { DfnsError } from '@dfns/sdk';
import { type Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { createAccounts, createSessions, type Session } from './accounts.ts';
import type { DfnsClients } from './dfns.ts';

const SESSION_COOKIE = 'session';
type Env = { Variables: { session: Session } };

/** A refusal of this server, in the shape Dfns (and credkit's fetcher) use: `{ error: { message } }`. */
function refuse(status: ContentfulStatusCode, message: string): never {
  throw new HTTPException(status, { message });
}

/** A challenge as relayed to the browser: without its temporary token, which stays in the session. */
function withoutToken<T extends { temporaryAuthenticationToken: string }>(challenge: T) {
  const { temporaryAuthenticationToken: _kept, ...relayed } = challenge;
  return relayed;
}

/** The request's JSON body: a 400 when it is not JSON. */
async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  const body: unknown = await c.req.json().catch(() => refuse(400, 'The body is not JSON'));
  if (typeof body !== 'object' || body === null || Array.isArray(body)) refuse(400, 'The body is not a JSON object');
  return body as Record<string, unknown>;
}

/** The app's own credentials in a body: a username, and a password of at least 8 characters. */
async function usernameAndPassword(c: Context) {
  const body = await jsonBody(c);
  const username = typeof body.username === 'string' ? body.username.trim() : '';
  const password = typeof body.password === 'string' ? body.password : '';
  if (!username || password.length < 8) refuse(400, 'A username and a password of at least 8 characters');
  return { username, password, body };
}

/**
 * Runs a call of the service account: a 401 or 403 there is this server's set-up (its token, its
 * key), not the person's, so the browser gets a 502 and the log says why.
 */
async function asServiceAccount<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof DfnsError && (error.httpStatus === 401 || error.httpStatus === 403)) {
      console.error(`delegated example: Dfns refused the service account (${error.httpStatus}): ${error.message}`);
      refuse(502, 'The app could not reach Dfns with its service account');
    }
    throw error;
  }
}

/**
 * The app's API: its own accounts and sessions, and Dfns through the service account (delegated
 * registration, login and recovery) or as the signed-in user (adding a credential: `…Init` here, the
 * browser signs, `…Complete` here). No Dfns token leaves the server: the user's stays in the session,
 * and a sign-up's or a recovery's temporary token too (the browser gets the challenge without it).
 */
export function createRoutes(dfns: DfnsClients) {
  const accounts = createAccounts();
  const sessions = createSessions();
  const app = new Hono<Env>();

  app.onError((error, c) => {
    if (error instanceof HTTPException) return c.json({ error: { message: error.message } }, error.status);
    // Dfns's own refusal (a 4xx with its message) goes to the browser as Dfns worded it.
    if (error instanceof DfnsError && error.httpStatus >= 400 && error.httpStatus < 500) {
      return c.json({ error: { message: error.message } }, error.httpStatus as ContentfulStatusCode);
    }
    console.error('delegated example: unexpected failure', error);
    return c.json({ error: { message: 'The server could not complete the request' } }, 502);
  });

  // JSON only: a cross-site form cannot send it without a CORS preflight this server never answers,
  // so the session cookie (SameSite=Strict as well) cannot be ridden, nor a sign-in forced.
  app.use('/api/*', async (c, next) => {
    if (c.req.method === 'POST' && !/^application\/json\b/i.test(c.req.header('Content-Type') ?? '')) {
      refuse(415, 'Send JSON (Content-Type: application/json)');
    }
    await next();
  });

  const startSession = (c: Context, session: Session) => {
    sessions.end(getCookie(c, SESSION_COOKIE));
    setCookie(c, SESSION_COOKIE, sessions.start(session), { httpOnly: true, sameSite: 'Strict', path: '/api' });
  };
  const signedIn = createMiddleware<Env>(async (c, next) => {
    const session = sessions.get(getCookie(c, SESSION_COOKIE));
    if (!session) refuse(401, 'Sign in first');
    c.set('session', session);
    await next();
  });
  /** Runs a call as the signed-in user: a 401 means their Dfns token ended (a logout, a recovery): so does the session. */
  const asUser = async <T>(c: Context<Env>, call: (client: ReturnType<DfnsClients['asUser']>) => Promise<T>) => {
    const token = c.get('session').dfnsToken ?? refuse(401, 'Sign in first');
    try {
      return await call(dfns.asUser(token));
    } catch (error) {
      if (error instanceof DfnsError && error.httpStatus === 401) {
        sessions.end(getCookie(c, SESSION_COOKIE));
        refuse(401, 'Your session has ended: sign in again');
      }
      throw error;
    }
  };

  // Sign-up: the app's account, then Dfns's delegated registration. The browser makes the passkey
  // for this challenge and hands the signed credentials to POST /api/registration.
  app.post('/api/signup', async (c) => {
    const { username, password } = await usernameAndPassword(c);
    const created = await accounts.create(username, password);
    // A sign-up tried again (a cancelled passkey prompt, say) gets a fresh challenge, with the same password.
    if (!created && !(await accounts.check(username, password))) refuse(409, `${username} already has an account`);
    const challenge = await asServiceAccount(() =>
      dfns.serviceAccount.auth.createDelegatedRegistrationChallenge({ body: { kind: 'EndUser', email: username } }),
    );
    startSession(c, { username, temporaryToken: challenge.temporaryAuthenticationToken });
    return c.json(withoutToken(challenge));
  });

  app.post('/api/registration', signedIn, async (c) => {
    const session = c.get('session');
    const temporaryToken = session.temporaryToken ?? refuse(409, 'No sign-up in progress');
    const body = await jsonBody(c);
    const registration = await dfns.withTemporaryToken(temporaryToken).auth.registerEndUser({ body: body as never });
    session.temporaryToken = undefined;
    // The user's Dfns token stays in the session; the browser learns what it may show.
    session.dfnsToken = registration.authentication.token;
    return c.json({ credential: registration.credential, user: registration.user });
  });

  // Sign-in: the app's own login, then Dfns's delegated login (no passkey prompt).
  app.post('/api/login', async (c) => {
    const { username, password } = await usernameAndPassword(c);
    if (!(await accounts.check(username, password))) refuse(401, 'Wrong username or password');
    const { token } = await asServiceAccount(() => dfns.serviceAccount.auth.delegatedLogin({ body: { username } }));
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
    if (!session.dfnsToken) refuse(401, 'Sign in first');
    return c.json({ username: session.username });
  });

  // The user's credentials, and adding one: the challenge here, the ceremony in the browser, the
  // user action split in two around the browser's signature.
  app.get('/api/credentials', signedIn, async (c) => c.json(await asUser(c, (user) => user.auth.listCredentials())));

  app.post('/api/credentials/init', signedIn, async (c) => {
    const { kind } = (await jsonBody(c)) as { kind: 'Fido2' };
    return c.json(await asUser(c, (user) => user.auth.createCredentialChallenge({ body: { kind } })));
  });

  app.post('/api/credentials', signedIn, async (c) => {
    const session = c.get('session');
    // Kept as received: Complete must send the very body the user signs for.
    session.pendingCredential = await jsonBody(c);
    const body = session.pendingCredential as never;
    return c.json(await asUser(c, (user) => user.auth.createCredentialInit({ body })));
  });

  app.post('/api/credentials/complete', signedIn, async (c) => {
    const session = c.get('session');
    const body = (session.pendingCredential ?? refuse(409, 'No credential waits for a signature')) as never;
    session.pendingCredential = undefined;
    const { signedChallenge } = (await jsonBody(c)) as { signedChallenge: never };
    return c.json(await asUser(c, (user) => user.auth.createCredentialComplete({ body }, signedChallenge)));
  });

  // Recovery: the person proves who they are to the app (here, its password), Dfns's delegated
  // recovery gives the challenge; the browser opens the recovery key and signs the new credentials.
  app.post('/api/recovery', async (c) => {
    const { username, password, body } = await usernameAndPassword(c);
    if (!(await accounts.check(username, password))) refuse(401, 'Wrong username or password');
    const credentialId = typeof body.credentialId === 'string' ? body.credentialId : refuse(400, 'credentialId');
    const challenge = await asServiceAccount(() =>
      dfns.serviceAccount.auth.createDelegatedRecoveryChallenge({ body: { username, credentialId } }),
    );
    startSession(c, { username, temporaryToken: challenge.temporaryAuthenticationToken });
    return c.json(withoutToken(challenge));
  });

  app.post('/api/recovery/complete', signedIn, async (c) => {
    const session = c.get('session');
    const temporaryToken = session.temporaryToken ?? refuse(409, 'No recovery in progress');
    const body = await jsonBody(c);
    const recovered = await dfns.withTemporaryToken(temporaryToken).auth.recover({ body: body as never });
    session.temporaryToken = undefined;
    // Dfns voids every token of the user on recovery: sign in again (the app's login, then delegated login).
    return c.json(recovered);
  });

  return app;
}
