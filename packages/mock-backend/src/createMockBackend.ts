import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { type MockBackendOptions, resolveMockOptions } from './config.ts';

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
}

/**
 * Creates a Dfns-compatible credentials backend with an in-memory store and a seeded demo user
 * whose bearer token is `options.token` (default `demo-token`). It verifies every registration for real.
 */
export function createMockBackend(options: MockBackendOptions = {}): MockBackend {
  const { app } = createApp(resolveMockOptions(options));
  const fetch = async (request: Request) => app.fetch(request);
  return {
    fetch,
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
