import { createApp } from './app.ts';
import { type MockBackendOptions, resolveMockOptions } from './config.ts';
import { createContext } from './context.ts';

/** A mock backend as a standard fetch handler: `(Request) => Promise<Response>`. */
export type MockHandler = (request: Request) => Promise<Response>;

/**
 * Creates a Dfns-compatible credentials backend as a fetch handler, with an in-memory store and a
 * seeded demo user whose bearer token is `options.token` (default `demo-token`). It runs wherever
 * WebCrypto and the Fetch API do (Node ≥ 20, browsers, Service Workers, edge runtimes) and verifies
 * every registration for real, with the same code as {@link createMockBackend}'s HTTP server.
 */
export function createMockHandler(options: MockBackendOptions = {}): MockHandler {
  const app = createApp(createContext(resolveMockOptions(options)));
  return async (request) => app.fetch(request);
}
