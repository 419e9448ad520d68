// examples/vite-react as users install it, run by `pnpm test:published` (testPublished.ts), which sets the
// three variables: its build served by `vite preview`, the mock from the packed `credkit-mock` bin.
import { defineConfig } from '@playwright/test';
import { exampleUnderTest, packedMock, publishedConfig } from './exampleServers.ts';
import type { PublishedOptions } from './vite-react/registerPasskey.spec.ts';

const example = exampleUnderTest();
const shared = publishedConfig('vite-react');

export default defineConfig<PublishedOptions>({
  ...shared,
  timeout: 30_000,
  globalTimeout: 90_000,
  expect: { timeout: 10_000 },
  use: {
    ...shared.use,
    baseURL: example.appUrl,
    mockUrl: example.mockUrl,
    actionTimeout: 10_000,
    navigationTimeout: 15_000,
  },
  webServer: [
    // No user-action signing, like a simple embed.
    packedMock(example, '--user-action off'),
    {
      command: `node_modules/.bin/vite preview --host localhost --port ${example.appPort} --strictPort`,
      cwd: example.dir,
      url: example.appUrl,
      reuseExistingServer: false,
      timeout: 20_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
  ],
});
