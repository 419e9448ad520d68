import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'docs',
    environment: 'node',
    include: ['*.test.ts'],
    // A busy 2-core machine: no test may depend on vitest's default 5 s being enough.
    testTimeout: 30_000,
  },
});
