// `pnpm screenshots`: the pictures of the demo in README.md and CONTRIBUTING.md, taken in the same Chromium as the e2e suite.
import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

export default defineConfig({
  ...base,
  testDir: './screenshots',
  testMatch: '**/*.screenshots.ts',
  reporter: 'list',
  workers: 1,
  // The pictures come from the dev server's demo.
  projects: (base.projects ?? [])
    .filter((project) => project.name === 'dev')
    .map((project) => ({
      ...project,
      use: { ...project.use, viewport: { width: 1280, height: 860 }, colorScheme: 'light' },
    })),
});
