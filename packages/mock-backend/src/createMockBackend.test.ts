import { describe, expect, it } from 'vitest';
import { createMockBackend } from './createMockBackend.ts';

describe('createMockBackend().listen', () => {
  it('should serve the same handler over HTTP on localhost and stop', async () => {
    const server = await createMockBackend({ token: 'http-token' }).listen({ port: 0 });
    try {
      expect(server.url).toBe(`http://localhost:${server.port}`);
      const response = await fetch(`${server.url}/auth/credentials`, {
        headers: { Authorization: 'Bearer http-token' },
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ items: [] });
    } finally {
      await server.close();
    }
    await expect(fetch(`${server.url}/auth/credentials`)).rejects.toThrow();
  });
});
