import type { Page } from '@playwright/test';

/**
 * Makes every autofill request of `page` (a `navigator.credentials.get()` with `mediation:
 * 'conditional'`) wait as it would for a person who never opens the autofill: it ends only when its
 * signal aborts it, as the browser's own does. Chromium's virtual authenticator answers such a
 * request at once with its discoverable passkey, so a page with autofill sign-in would sign in before
 * the test clicks anything; other `get()` calls, and `create()`, are untouched. Call it before the page
 * loads (it is an init script); the `autofill: 'held'` option of the `test` fixtures does it for you.
 */
export async function holdAutofill(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const container = navigator.credentials;
    if (!container?.get) return;
    const get = container.get.bind(container);
    container.get = (options) => {
      if (options?.mediation !== 'conditional') return get(options);
      const signal = options.signal;
      return new Promise<Credential | null>((_, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
    };
  });
}
