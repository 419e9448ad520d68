import { test as base } from '@playwright/test';
import type { MockBackendOptions } from '../config.ts';
import { createMockBackend, type MockBackend } from '../createMockBackend.ts';
import { holdAutofill } from './holdAutofill.ts';
import {
  addVirtualAuthenticator,
  type VirtualAuthenticator,
  type VirtualAuthenticatorOptions,
} from './virtualAuthenticator.ts';

/** The mock a worker started: where it answers, and the backend itself (to mint tokens, or call in-process). */
export interface MockFixture {
  /** e.g. `http://localhost:41231`: the base URL your app's fetcher calls. */
  url: string;
  port: number;
  backend: MockBackend;
}

/** The fixtures of one worker: the mock, and the options it starts with. */
export interface CredkitWorkerFixtures {
  /**
   * The mock's options (`origins`, `userActionSigning`, `token`…), set with `test.use({ mockOptions })`
   * in a file or a `describe`: each set of options gets its own worker, so its own mock.
   * @defaultValue `{}`: user-action signing required, as at Dfns; any loopback origin
   */
  mockOptions: MockBackendOptions;
  /**
   * The port the mock listens on: 0 picks a free one per worker. A fixed one (your app built against
   * `http://localhost:8787`) allows one worker at a time. @defaultValue 0
   */
  mockPort: number;
  /** The mock of this worker, started with it (whether a test names it or not), stopped when it ends. */
  mock: MockFixture;
}

/** The fixtures of one test: its virtual authenticators, removed after it, and how autofill requests are met. */
export interface CredkitTestFixtures {
  /**
   * What an autofill sign-in (a conditional `get()`) meets, set with `test.use({ autofill })`:
   * `'answered'`, Chromium's virtual authenticator answers it at once with its discoverable passkey
   * (the person picked it in the autofill before doing anything else); `'held'`, it waits as for a
   * person who never opens the autofill, until the page aborts it (`holdAutofill`), so that a test of
   * your sign-in button, on a page with autofill sign-in, reaches its click.
   * @defaultValue 'answered'
   */
  autofill: 'answered' | 'held';
  /** A platform authenticator that verifies its user (a laptop's passkey), added to `page`. */
  authenticator: VirtualAuthenticator;
  /** Adds another virtual authenticator to `page`: a security key, or one without user verification. */
  addAuthenticator: (options?: VirtualAuthenticatorOptions) => Promise<VirtualAuthenticator>;
}

/**
 * Playwright's `test` with credkit's fixtures: `mock` (the mock backend, in process, per worker, on a
 * free port), `authenticator` and `addAuthenticator` (WebAuthn virtual authenticators over CDP, per
 * test). Chromium only: the virtual authenticators are a Chrome DevTools Protocol feature.
 */
export const test = base.extend<CredkitTestFixtures, CredkitWorkerFixtures>({
  autofill: ['answered', { option: true }],
  page: async ({ page, autofill }, use) => {
    if (autofill === 'held') await holdAutofill(page);
    await use(page);
  },
  mockOptions: [{}, { option: true, scope: 'worker' }],
  mockPort: [0, { option: true, scope: 'worker' }],
  mock: [
    async ({ mockOptions, mockPort }, use) => {
      const backend = createMockBackend(mockOptions);
      const server = await backend.listen({ port: mockPort });
      await use({ url: server.url, port: server.port, backend });
      await server.close();
    },
    // Started for every worker, used or not: the app under test calls it whether the test names it or not.
    { scope: 'worker', auto: true },
  ],
  addAuthenticator: async ({ page }, use) => {
    const added: VirtualAuthenticator[] = [];
    await use(async (options) => {
      const authenticator = await addVirtualAuthenticator(page, options);
      added.push(authenticator);
      return authenticator;
    });
    for (const authenticator of added) await authenticator.remove();
  },
  authenticator: async ({ addAuthenticator }, use) => {
    // A fresh one per test: a virtual authenticator holds at most three resident passkeys.
    await use(await addAuthenticator());
  },
});

/** Playwright's `expect`, so that a test imports `test` and `expect` from one place. */
export const expect = base.expect;
