import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@credkit/source'] },
  ssr: { resolve: { conditions: ['@credkit/source'] } },
  test: {
    // A busy 2-core machine: no test may depend on vitest's default 5 s being enough.
    testTimeout: 30_000,
    name: 'mock-backend',
    environment: 'node',
  },
});
