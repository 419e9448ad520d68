import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The bundle-size table runs here; `pnpm bench` runs the rest.
  test: { name: 'bench', environment: 'node', include: ['src/**/*.test.ts'] },
});
