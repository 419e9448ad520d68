// `pnpm screenshots`: the README's pictures of the demo, taken in the same Chromium as the e2e suite.
import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

export default defineConfig({
  ...base,
  testDir: './screenshots',
  testMatch: '**/*.screenshots.ts',
  reporter: 'list',
  workers: 1,
  // The README's pictures come from the dev server's demo.
  projects: (base.projects ?? [])
    .filter((project) => project.name === 'dev')
    .map((project) => ({
      ...project,
      use: { ...project.use, viewport: { width: 900, height: 720 }, colorScheme: 'light' },
    })),
});
