import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@credkit/source'] },
  ssr: { resolve: { conditions: ['@credkit/source'] } },
  test: { name: 'react', environment: 'jsdom', setupFiles: ['./vitest.setup.ts'] },
});
