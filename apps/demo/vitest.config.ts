import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'demo',
    environment: 'node',
    include: ['src/**/*.test.ts'],
    // A busy 2-core machine: no test or hook may depend on vitest's defaults (5 s, 10 s) being enough.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
