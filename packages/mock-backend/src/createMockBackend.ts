import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { type MockBackendOptions, resolveMockOptions } from './config.ts';
import { createContext } from './context.ts';

/** A running mock backend's address and how to stop it. */
export interface MockServer {
  /** e.g. `http://localhost:8787` */
  url: string;
  port: number;
  close: () => Promise<void>;
}

/** The mock backend: a standard `(Request) => Promise<Response>` handler, and a way to serve it over HTTP. */
export interface MockBackend {
  /** Handles one request in-process (no network): for tests, Service Workers, any fetch-style server. */
  fetch: (request: Request) => Promise<Response>;
  /**
   * Serves the handler on `hostname:port` (default `localhost:8787`; port 0 picks a free one), with
   * {@link DEFAULT_SERVER_LIMITS} unless `options` sets others.
   */
  listen: (options?: ListenOptions) => Promise<MockServer>;
  /**
   * Mints a bearer token of a kind for tests: `EndUser` (delegated) and `CustomerEmployee` (organisation
   * user) may create credentials; `PersonalAccessToken` and `ServiceAccount` are refused with 403.
   * The token belongs to the demo user unless `userId` names another.
   */
  mintToken: (kind: MintableTokenKind, options?: { userId?: string; ttlMs?: number }) => Promise<string>;
  /** The seeded demo user's id. */
  demoUserId: string;
}

/** Where {@link MockBackend.listen} serves, and the limits a slow or greedy client meets. */
export interface ListenOptions extends Partial<ServerLimits> {
  /** @defaultValue 8787 */
  port?: number;
  /** @defaultValue "localhost" */
  hostname?: string;
}

/** What the HTTP server allows a client: how long it may take to send a request, and how many connections at once. */
export interface ServerLimits {
  /** Time to receive a request's headers before a 408 and a closed connection, in milliseconds. */
  headersTimeoutMs: number;
  /** Time to receive a whole request (headers and body) before a 408 and a closed connection, in milliseconds. */
  requestTimeoutMs: number;
  /** Open connections at most; a new one beyond is closed at once. */
  maxConnections: number;
}

/**
 * The limits of {@link MockBackend.listen}: Node's defaults let a request dribble in for 5 minutes and
 * take any number of connections. 64 KiB bodies need far less than 30 s, even on a slow link.
 */
export const DEFAULT_SERVER_LIMITS: Readonly<ServerLimits> = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  maxConnections: 1024,
};

/** The token kinds {@link MockBackend.mintToken} mints. */
export type MintableTokenKind = 'EndUser' | 'CustomerEmployee' | 'PersonalAccessToken' | 'ServiceAccount';

/**
 * Creates a Dfns-compatible credentials backend with an in-memory store and a seeded demo user
 * whose bearer token is `options.token` (default `demo-token`). It verifies every registration for real.
 * Node only (`listen` serves over HTTP); `@credkit/mock-backend/handler` has the same backend without it.
 */
export function createMockBackend(options: MockBackendOptions = {}): MockBackend {
  const ctx = createContext(resolveMockOptions(options));
  const app = createApp(ctx);
  const fetch = async (request: Request) => app.fetch(request);
  return {
    fetch,
    demoUserId: ctx.store.demoUser.userId,
    mintToken: (kind, { userId = ctx.store.demoUser.userId, ttlMs = 60 * 60_000 } = {}) =>
      ctx.tokens.mint({ kind, userId, orgId: ctx.options.orgId, expiresAt: ctx.options.now() + ttlMs }),
    listen: ({ port = 8787, hostname = 'localhost', ...limits } = {}) =>
      new Promise<MockServer>((resolve, reject) => {
        const { headersTimeoutMs, requestTimeoutMs, maxConnections } = { ...DEFAULT_SERVER_LIMITS, ...limits };
        const serverOptions = {
          headersTimeout: headersTimeoutMs,
          requestTimeout: requestTimeoutMs,
          // Node checks both timeouts only this often (30 s by default): a 10 s limit would be 10–40 s.
          connectionsCheckingInterval: Math.min(1000, headersTimeoutMs),
        };
        // Node's request rides along as the app's env: the per-client caps read its remote address.
        const serveFetch = (request: Request, env: unknown) => app.fetch(request, env);
        const server = serve({ fetch: serveFetch, port, hostname, serverOptions }, (info) => {
          resolve({
            url: `http://${hostname}:${info.port}`,
            port: info.port,
            close: () => new Promise<void>((done) => server.close(() => done())),
          });
        });
        server.maxConnections = maxConnections;
        server.once('error', reject);
      }),
  };
}
