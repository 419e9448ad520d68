import { createMockBackend } from '@credkit/mock-backend';

const backend = createMockBackend({ origins: ['http://localhost:3000'], token: 'test-token' });
const response = await backend.fetch(
  new Request('http://mock/auth/credentials', {
    headers: { Authorization: 'Bearer test-token' },
  }),
); // (Request) => Promise<Response>
const server = await backend.listen({ port: 0 }); // { url, port, close() }
const token = await backend.mintToken('CustomerEmployee'); // a bearer token of another kind, for tests
console.log(response.status, server.url, token);
await server.close();
