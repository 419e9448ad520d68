export type { LoginCodeMail, MockBackendOptions, VerificationCodeMail } from './config.ts';
export { DEFAULT_ORG_ID, mockOptionsFromEnv } from './config.ts';
export type {
  ListenOptions,
  MintableTokenKind,
  MockBackend,
  MockServer,
  ServerLimits,
} from './createMockBackend.ts';
export { createMockBackend, DEFAULT_SERVER_LIMITS } from './createMockBackend.ts';
export type { MockHandler } from './createMockHandler.ts';
export { createMockHandler } from './createMockHandler.ts';
export { publicKeyToPem } from './crypto/publicKeyToPem.ts';
export type { MockRefusal, MockRefusalReason } from './mockRefusal.ts';
