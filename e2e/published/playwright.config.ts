// The example app as users install it, run by `pnpm test:published` (testPublished.ts), which sets the
// three variables: its build served by `vite preview`, the mock from the packed `credkit-mock` bin.
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../findChromium.mjs';
import type { PublishedOptions } from './registerPasskey.spec.ts';

const appDir = process.env.CREDKIT_EXAMPLE_DIR;
const appPort = Number(process.env.CREDKIT_EXAMPLE_PORT);
const mockPort = Number(process.env.CREDKIT_MOCK_PORT);
if (!appDir || !appPort || !mockPort) {
  throw new Error(
    'e2e/published runs through `pnpm test:published`: CREDKIT_EXAMPLE_DIR, CREDKIT_EXAMPLE_PORT and CREDKIT_MOCK_PORT are unset',
  );
}
const appUrl = `http://localhost:${appPort}`;
const mockUrl = `http://localhost:${mockPort}`;

export default defineConfig<PublishedOptions>({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../test-results/published',
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
