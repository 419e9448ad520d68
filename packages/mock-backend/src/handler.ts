// `@credkit/mock-backend/handler`: the mock as a `(Request) => Promise<Response>` handler, with no Node
// built-ins, for browsers (a Service Worker's page), edge runtimes and tests. The HTTP server is in `.`.
export type { MockBackendOptions, VerificationCodeMail } from './config.ts';
export { DEFAULT_ORG_ID } from './config.ts';
export type { MockHandler } from './createMockHandler.ts';
export { createMockHandler } from './createMockHandler.ts';
export { publicKeyToPem } from './crypto/publicKeyToPem.ts';
export type { MockRefusal, MockRefusalReason } from './mockRefusal.ts';
