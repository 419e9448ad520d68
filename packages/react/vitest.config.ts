import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@credkit/source'] },
  ssr: { resolve: { conditions: ['@credkit/source'] } },
  test: {
    name: 'react@19',
    environment: 'jsdom',
    setupFiles: ['./vitest.setup.ts'],
    env: { EXPECTED_REACT_MAJOR: '19' },
  },
});
