// playwright.config.ts: your app served by Playwright, the kit's mock on the port your app calls.
import type { CredkitWorkerFixtures } from '@credkit/mock-backend/playwright';
import { defineConfig, devices } from '@playwright/test';

export default defineConfig<object, CredkitWorkerFixtures>({
  // A fixed port (your app built against http://localhost:8787): one worker at a time.
  workers: 1,
  use: { ...devices['Desktop Chrome'], baseURL: 'http://localhost:5173', mockPort: 8787 },
  webServer: { command: 'npm run dev', url: 'http://localhost:5173' },
});
