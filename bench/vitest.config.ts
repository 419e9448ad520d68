import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The bundle-size table and the floor studies run here; `pnpm bench` runs the rest.
  test: { name: 'bench', environment: 'node', include: ['src/**/*.test.ts', 'src/**/*.test.jsx'] },
});
