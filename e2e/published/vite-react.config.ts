// examples/vite-react as users install it, run by `pnpm test:published` (testPublished.ts), which sets the
// three variables: its build served by `vite preview`, the mock from the packed `credkit-mock` bin.
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../findChromium.mjs';
import { exampleUnderTest } from './exampleServers.ts';
import type { PublishedOptions } from './vite-react/registerPasskey.spec.ts';

const { dir: appDir, appUrl, appPort, mockUrl, mockPort } = exampleUnderTest();

export default defineConfig<PublishedOptions>({
  testDir: './vite-react',
  testMatch: '*.spec.ts',
  outputDir: '../test-results/published/vite-react',
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 1,
  reporter: 'list',
  timeout: 30_000,
  globalTimeout: 90_000,
  expect: { timeout: 10_000 },
  use: {
    ...devices['Desktop Chrome'],
    launchOptions: { executablePath: findChromium()?.executablePath, args: CHROMIUM_ARGS },
    baseURL: appUrl,
    mockUrl,
    actionTimeout: 10_000,
    navigationTimeout: 15_000,
    trace: 'retain-on-failure',
  },
  webServer: [
    {
      // The packed bin, as `npx credkit-mock` runs it; no user-action signing, like a simple embed.
      command: `node_modules/.bin/credkit-mock --port ${mockPort} --user-action off`,
      cwd: appDir,
      // Without a token every route answers 401: up, and refusing as it should (the mock logs the refusal).
      url: `${mockUrl}/auth/credentials`,
      reuseExistingServer: false,
      timeout: 20_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
    {
      command: `node_modules/.bin/vite preview --host localhost --port ${appPort} --strictPort`,
      cwd: appDir,
      url: appUrl,
      reuseExistingServer: false,
      timeout: 20_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
  ],
});
