// examples/delegated as users install it, run by `pnpm test:published` (testPublished.ts): the packed
// `credkit-mock` bin with user-action signing required (as at Dfns) and its seeded testing service
// account, and the example's own server, which serves the built app and calls the mock with that account.
import { TESTING_SERVICE_ACCOUNT } from '@credkit/mock-backend/testing';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../findChromium.mjs';
import { exampleUnderTest } from './exampleServers.ts';

const { dir: appDir, appUrl, appPort, mockUrl, mockPort } = exampleUnderTest();

export default defineConfig({
  testDir: './delegated',
  testMatch: '*.spec.ts',
  outputDir: '../test-results/published/delegated',
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 1,
  reporter: 'list',
  // A busy 2-core machine: the ceilings a state may take there (PBKDF2 of the recovery key runs in the page).
  timeout: 90_000,
  globalTimeout: 150_000,
  expect: { timeout: 15_000 },
  use: {
    ...devices['Desktop Chrome'],
    launchOptions: { executablePath: findChromium()?.executablePath, args: CHROMIUM_ARGS },
    baseURL: appUrl,
    actionTimeout: 15_000,
    navigationTimeout: 15_000,
    trace: 'retain-on-failure',
  },
  webServer: [
    {
      command: `node_modules/.bin/credkit-mock --port ${mockPort}`,
      cwd: appDir,
      // Without a token every route answers 401: up, and refusing as it should.
      url: `${mockUrl}/auth/credentials`,
      reuseExistingServer: false,
      timeout: 20_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
    {
      command: 'node dist-server/main.js',
      cwd: appDir,
      env: {
        PORT: String(appPort),
        DFNS_API_URL: mockUrl,
        DFNS_SERVICE_ACCOUNT_TOKEN: TESTING_SERVICE_ACCOUNT.token,
        DFNS_SERVICE_ACCOUNT_CRED_ID: TESTING_SERVICE_ACCOUNT.credId,
        DFNS_SERVICE_ACCOUNT_PRIVATE_KEY: TESTING_SERVICE_ACCOUNT.privateKey,
      },
      url: appUrl,
      reuseExistingServer: false,
      timeout: 20_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
  ],
});
