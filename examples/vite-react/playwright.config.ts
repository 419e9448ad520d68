import type { CredkitWorkerFixtures } from '@credkit/mock-backend/playwright';
import { defineConfig, devices } from '@playwright/test';

// The app is built against the mock's URL (VITE_DFNS_API_URL, default http://localhost:8787): the kit's
// mock listens on that port, so one worker at a time.
const mockPort = Number(process.env.MOCK_PORT ?? 8787);
const appPort = Number(process.env.APP_PORT ?? 4173);
const appUrl = `http://localhost:${appPort}`;
// A system Chromium where Playwright's own is not installed (`pnpm test:published` sets it).
const executablePath = process.env.CHROMIUM_PATH;

export default defineConfig<object, CredkitWorkerFixtures>({
  testDir: './tests',
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    ...devices['Desktop Chrome'],
    baseURL: appUrl,
    mockPort,
    ...(executablePath && { launchOptions: { executablePath, args: ['--no-sandbox', '--disable-gpu'] } }),
    actionTimeout: 10_000,
    navigationTimeout: 15_000,
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `npx vite preview --host localhost --port ${appPort} --strictPort`,
    url: appUrl,
    reuseExistingServer: !process.env.CI,
    timeout: 20_000,
  },
});
