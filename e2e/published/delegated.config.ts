// examples/delegated as users install it, run by `pnpm test:published` (testPublished.ts): the packed
// `credkit-mock` bin with user-action signing required (as at Dfns) and its seeded testing service
// account, and the example's own server, which serves the built app and calls the mock with that account.
import { TESTING_SERVICE_ACCOUNT } from '@credkit/mock-backend/testing';
import { defineConfig } from '@playwright/test';
import { exampleUnderTest, packedMock, publishedConfig } from './exampleServers.ts';

const example = exampleUnderTest();
const shared = publishedConfig('delegated');

export default defineConfig({
  ...shared,
  // A busy 2-core machine: the ceilings a state may take there (PBKDF2 of the recovery key runs in the page).
  timeout: 90_000,
  globalTimeout: 150_000,
  expect: { timeout: 15_000 },
  use: { ...shared.use, baseURL: example.appUrl, actionTimeout: 15_000, navigationTimeout: 15_000 },
  webServer: [
    // User-action signing required, as at Dfns.
    packedMock(example),
    {
      command: 'node dist-server/main.js',
      cwd: example.dir,
      env: {
        PORT: String(example.appPort),
        DFNS_API_URL: example.mockUrl,
        DFNS_SERVICE_ACCOUNT_TOKEN: TESTING_SERVICE_ACCOUNT.token,
        DFNS_SERVICE_ACCOUNT_CRED_ID: TESTING_SERVICE_ACCOUNT.credId,
        DFNS_SERVICE_ACCOUNT_PRIVATE_KEY: TESTING_SERVICE_ACCOUNT.privateKey,
      },
      url: example.appUrl,
      reuseExistingServer: false,
      timeout: 20_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
  ],
});
