import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Only the bundle-size budget runs here; `pnpm bench` runs the rest.
  test: { name: 'bench', environment: 'node', include: ['src/**/*.test.ts'] },
});
