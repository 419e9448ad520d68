export type { MockBackendOptions } from './config.ts';
export { mockOptionsFromEnv } from './config.ts';
export type { MockBackend, MockServer } from './createMockBackend.ts';
export { createMockBackend } from './createMockBackend.ts';
export { publicKeyToPem } from './publicKeyToPem.ts';
