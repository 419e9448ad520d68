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
  /** Serves the handler on `hostname:port` (default `localhost:8787`; port 0 picks a free one). */
  listen: (options?: { port?: number; hostname?: string }) => Promise<MockServer>;
  /**
   * Mints a bearer token of a kind for tests: `EndUser` (delegated) and `CustomerEmployee` (organisation
   * user) may create credentials; `PersonalAccessToken` and `ServiceAccount` are refused with 403.
   * The token belongs to the demo user unless `userId` names another.
   */
  mintToken: (kind: MintableTokenKind, options?: { userId?: string; ttlMs?: number }) => Promise<string>;
  /** The seeded demo user's id. */
  demoUserId: string;
}

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
    listen: ({ port = 8787, hostname = 'localhost' } = {}) =>
      new Promise<MockServer>((resolve, reject) => {
        const server = serve({ fetch, port, hostname }, (info) => {
          resolve({
            url: `http://${hostname}:${info.port}`,
            port: info.port,
            close: () => new Promise<void>((done) => server.close(() => done())),
          });
        });
        server.once('error', reject);
      }),
  };
}
