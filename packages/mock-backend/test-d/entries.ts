// Every entry of the mock, so that their declarations are compiled.
import { createMockBackend } from '@credkit/mock-backend';
import { createMockHandler } from '@credkit/mock-backend/handler';
import { createSoftwareAuthenticator } from '@credkit/mock-backend/testing';

const backend = createMockBackend({ token: 'test-token' });
export const server = backend.listen({ port: 0 });
export const handle = createMockHandler({ origins: ['http://localhost:3000'] });
export const authenticator = createSoftwareAuthenticator;
