import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Every package's own config, plus @credkit/react's suite once more against React 18, and the demo's.
    projects: ['packages/*', 'packages/react/vitest.react18.config.ts', 'bench', 'docs', 'apps/demo/vitest.config.ts'],
  },
});
