// `pnpm screenshots`: the README's pictures of the demo, taken in the same Chromium as the e2e suite.
import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

export default defineConfig({
  ...base,
  testDir: './screenshots',
  testMatch: '**/*.screenshots.ts',
  reporter: 'list',
  workers: 1,
  projects: (base.projects ?? []).map((project) => ({
    ...project,
    use: { ...project.use, viewport: { width: 900, height: 720 }, colorScheme: 'light' },
  })),
});
