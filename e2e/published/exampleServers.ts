import { devices, type PlaywrightTestConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../findChromium.mjs';

/** Where `pnpm test:published` (testPublished.ts) put an example and its servers: its three variables. */
export function exampleUnderTest() {
  const dir = process.env.CREDKIT_EXAMPLE_DIR;
  const appPort = Number(process.env.CREDKIT_EXAMPLE_PORT);
  const mockPort = Number(process.env.CREDKIT_MOCK_PORT);
  if (!dir || !appPort || !mockPort) {
    throw new Error(
      'e2e/published runs through `pnpm test:published`: CREDKIT_EXAMPLE_DIR, CREDKIT_EXAMPLE_PORT and CREDKIT_MOCK_PORT are unset',
    );
  }
  return { dir, appUrl: `http://localhost:${appPort}`, appPort, mockUrl: `http://localhost:${mockPort}`, mockPort };
}

/** What every example's config shares: its specs in published/<name>, one worker, no retry, Chromium as found. */
export function publishedConfig(name: string) {
  return {
    testDir: `./${name}`,
    testMatch: '*.spec.ts',
    outputDir: `../test-results/published/${name}`,
    forbidOnly: Boolean(process.env.CI),
    retries: 0,
    workers: 1,
    reporter: 'list',
    use: {
      ...devices['Desktop Chrome'],
      launchOptions: { executablePath: findChromium()?.executablePath, args: CHROMIUM_ARGS },
      trace: 'retain-on-failure',
    },
  } satisfies PlaywrightTestConfig;
}

/** The example's packed `credkit-mock` bin, as `npx credkit-mock` runs it, with `flags`. */
export function packedMock({ dir, mockPort, mockUrl }: ReturnType<typeof exampleUnderTest>, flags = '') {
  return {
    command: `node_modules/.bin/credkit-mock --port ${mockPort} ${flags}`.trim(),
    cwd: dir,
    // Without a token every route answers 401: up, and refusing as it should (the mock logs the refusal).
    url: `${mockUrl}/auth/credentials`,
    reuseExistingServer: false,
    timeout: 20_000,
    stdout: 'pipe',
    stderr: 'pipe',
  } satisfies NonNullable<PlaywrightTestConfig['webServer']>;
}
