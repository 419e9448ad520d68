import { defineConfig, devices } from '@playwright/test';
import { findChromium } from './findChromium.mjs';

const chromium = findChromium();
const isCI = Boolean(process.env.CI);

export default defineConfig({
  testDir: './tests',
  forbidOnly: isCI,
  retries: 0,
  workers: isCI ? 1 : 2,
  reporter: [['list'], ['html', { open: 'never' }]],
  timeout: 30_000,
  use: {
    baseURL: 'http://localhost:5173',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: chromium?.executablePath,
          // Flags that keep Debian's Chromium quiet on a machine with no outside network.
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: {
    command: 'pnpm demo',
    cwd: '..',
    url: 'http://localhost:5173',
    reuseExistingServer: !isCI,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
