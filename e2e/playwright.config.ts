import type { CredkitTestFixtures } from '@credkit/mock-backend/playwright';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './findChromium.mjs';
import type { MockApi } from './tests/fixtures.ts';

const chromium = findChromium();
const isCI = Boolean(process.env.CI);

const browser = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: chromium?.executablePath,
    args: CHROMIUM_ARGS,
  },
};

/** The static build, served as is: its mock API runs in the page, behind a Service Worker. */
const STATIC_URL = 'http://localhost:4173';

export default defineConfig<{ mockApi: MockApi } & Pick<CredkitTestFixtures, 'autofill'>>({
  testDir: './tests',
  forbidOnly: isCI,
  retries: 0,
  workers: isCI ? 1 : 2,
  reporter: [['list'], ['html', { open: 'never' }]],
  // A busy 2-core machine (an outside probe ran the suite at load average 10): every wait is for a
  // state, and these are the ceilings a state may take there. Axe scans and PBKDF2 in the page are the
  // slowest steps; at 30 s and 5 s, two correct tests timed out under load.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  use: {
    trace: 'retain-on-failure',
    // The demo's sign-in offers the passkeys in the autofill: held, as for a person who never opens it,
    // so that the tests of its button reach their click (autofillSignIn.spec.ts lets it answer).
    autofill: 'held',
  },
  projects: [
    {
      // `pnpm demo`: Vite's dev server, the Node mocks on :8787 and :8788.
      name: 'dev',
      use: {
        ...browser,
        baseURL: 'http://localhost:5173',
        mockApi: { full: 'http://localhost:8787', embed: 'http://localhost:8788', inPage: false },
      },
    },
    {
      // `pnpm --filter @credkit/demo build`, served by a plain static server (`vite preview`).
      name: 'static',
      use: {
        ...browser,
        baseURL: STATIC_URL,
        mockApi: { full: `${STATIC_URL}/mock-api/full`, embed: `${STATIC_URL}/mock-api/embed`, inPage: true },
      },
    },
  ],
  webServer: [
    {
      command: 'pnpm demo',
      cwd: '..',
      url: 'http://localhost:5173',
      reuseExistingServer: !isCI,
      timeout: 60_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
    {
      // Builds first, so the static project always tests the current sources.
      command: 'pnpm --filter @credkit/demo build && pnpm --filter @credkit/demo preview',
      cwd: '..',
      url: STATIC_URL,
      reuseExistingServer: !isCI,
      timeout: 120_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
  ],
});
