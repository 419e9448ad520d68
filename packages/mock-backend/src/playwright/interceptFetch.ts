import type { Page } from '@playwright/test';

/** A `fetch` call of the page, as {@link interceptFetch} sees it. */
export interface InterceptedCall {
  method: string;
  url: string;
  /** The body as text; `null` for a GET. */
  body: string | null;
}

/** What becomes of an intercepted call: sent on (with another body, if given), or answered here. */
export type InterceptAction = { continue: true; body?: string } | { fulfill: { status: number; body: string } };

let bindings = 0;

/**
 * Intercepts the page's `fetch` calls whose URL path ends with `path` (`/auth/action/init`), inside the
 * page, before any Service Worker or network (`page.route` never sees what a Service Worker answers).
 * `handler` runs in the test, and the call waits for it: the moment to change the authenticators, or to
 * answer the call yourself. It holds for the page's later navigations too.
 */
export async function interceptFetch(
  page: Page,
  path: string,
  handler: (call: InterceptedCall) => InterceptAction | Promise<InterceptAction>,
): Promise<void> {
  bindings += 1;
  const binding = `__credkitIntercept${bindings}`;
  await page.exposeFunction(binding, handler);
  const install = ({ binding, path }: { binding: string; path: string }) => {
    const next = window.fetch.bind(window);
    window.fetch = async (input, init) => {
      const request = new Request(input, init);
      if (!new URL(request.url).pathname.endsWith(path)) return next(input, init);
      const body = typeof init?.body === 'string' ? init.body : await request.clone().text();
      const call = { method: request.method, url: request.url, body: request.method === 'GET' ? null : body };
      const action = await (window as unknown as Record<string, (call: unknown) => Promise<InterceptAction>>)[
        binding
      ]?.(call);
      if (action && 'fulfill' in action) {
        return new Response(action.fulfill.body, {
          status: action.fulfill.status,
          headers: { 'Content-Type': 'application/json' },
        });
      }
      return action?.body === undefined ? next(input, init) : next(new Request(request, { body: action.body }));
    };
  };
  // In the pages to come, and in the one already open.
  await page.addInitScript(install, { binding, path });
  await page.evaluate(install, { binding, path });
}
