import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { MockContext } from './context.ts';
import { DfnsHttpError, dfnsErrorBody } from './errors.ts';
import { isAllowedOrigin } from './isAllowedOrigin.ts';
import { isClientDisconnect } from './isClientDisconnect.ts';
import { credentialCodeRoutes } from './routes/credentialCodes.ts';
import { credentialRoutes } from './routes/credentials.ts';
import { delegatedRoutes } from './routes/delegated.ts';
import { loginRoutes } from './routes/login.ts';
import { logoutRoutes } from './routes/logout.ts';
import { recoveryRoutes } from './routes/recovery.ts';
import { registrationRoutes } from './routes/registration.ts';
import { userActionRoutes } from './routes/userAction.ts';
import { checkJsonContentType } from './wire/jsonContentType.ts';
import { readBodyWithin } from './wire/readBodyWithin.ts';

/** The largest request body the mock reads. */
export const MAX_BODY_BYTES = 64 * 1024;

/** Builds the Hono app of the mock backend over a context. */
export function createApp(ctx: MockContext): Hono {
  const { options } = ctx;
  const app = new Hono();

  app.onError((error, c) => {
    if (error instanceof DfnsHttpError) {
      if (error.refusal) options.onRefusal?.({ method: c.req.method, path: c.req.path, ...error.refusal });
      return c.json(dfnsErrorBody(error.message), error.status, error.headers);
    }
    if (isClientDisconnect(error, c.req.raw)) {
      // Routine on a server (a closed tab, a cancelled fetch): one line, not an error with a stack.
      console.warn(
        `credkit mock backend: ${c.req.method} ${c.req.path}: the client disconnected before its request was read`,
      );
      return c.json(dfnsErrorBody('The client disconnected before its request was read'), 400);
    }
    console.error('credkit mock backend: unexpected error', error);
    return c.json(dfnsErrorBody('Internal mock backend error'), 500);
  });
  app.notFound((c) => c.json(dfnsErrorBody(`Route not found: ${c.req.method} ${c.req.path}`), 404));

  // CORS first, so preflights need no token. The X-DFNS-* headers older SDKs send are accepted.
  app.use(
    '*',
    cors({
      origin: (origin, c) => {
        if (isAllowedOrigin(origin, options.origins)) return origin;
        // No Origin header: not a browser's cross-origin call (curl, a server, a test), nothing to refuse.
        if (origin) {
          options.onRefusal?.({ method: c.req.method, path: c.req.path, reason: 'origin', origin, check: 'cors' });
        }
        return null;
      },
      allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
      allowHeaders: [
        'Authorization',
        'Content-Type',
        'X-DFNS-USERACTION',
        'X-DFNS-APPID',
        'X-DFNS-NONCE',
        'X-DFNS-SDK-VERSION',
      ],
      // A 429 says when to try again: readable by the page that was refused.
      exposeHeaders: ['Retry-After'],
      maxAge: 600,
    }),
  );

  // Bodies: JSON in UTF-8 only, and at most 64 KiB (read as a stream, so a lying Content-Length doesn't help).
  app.on(['POST', 'PUT'], '/auth/*', async (c, next) => {
    // The SDK's logout() sends no body, and so no Content-Type: PUT /auth/logout checks its own body.
    if (c.req.path !== '/auth/logout') checkJsonContentType(c.req.header('Content-Type'));
    await next();
  });
  app.use('/auth/*', readBodyWithin(MAX_BODY_BYTES));

  app.route('/', registrationRoutes(ctx));
  app.route('/', userActionRoutes(ctx));
  app.route('/', loginRoutes(ctx));
  app.route('/', logoutRoutes(ctx));
  app.route('/', credentialRoutes(ctx));
  app.route('/', credentialCodeRoutes(ctx));
  app.route('/', recoveryRoutes(ctx));
  app.route('/', delegatedRoutes(ctx));
  return app;
}
