import { test as kit } from '@credkit/mock-backend/playwright';
import type { Page, Request } from '@playwright/test';

// The published testing kit (`@credkit/mock-backend/playwright`): the `authenticator` fixture, the
// virtual authenticators and the helpers. This suite tests the kit as hosts use it.
export {
  addVirtualAuthenticator,
  base64ToBase64url,
  expect,
  holdAutofill,
  type VirtualAuthenticator,
  type VirtualCredential,
} from '@credkit/mock-backend/playwright';

/** Records the requests the page sends to the mock backend's API (`path` ends the URL's path: `/auth/credentials`). */
export function recordApiRequests(page: Page, path: string, method = 'POST'): Request[] {
  const seen: Request[] = [];
  page.on('request', (request) => {
    if (request.method() === method && new URL(request.url()).pathname.endsWith(path)) seen.push(request);
  });
  return seen;
}

/** Where the demo under test finds its mock API: a project option (playwright.config.ts). */
export interface MockApi {
  /** The Dfns flow: user-action signing required. */
  full: string;
  /** The simple embed: signing off, the seeded user's token `demo-token`. */
  embed: string;
  /** The mock runs in the page (the static build): it has no port of its own and starts afresh on each load. */
  inPage: boolean;
}

export const test = kit.extend<{ mockApi: MockApi }>({
  mockApi: [{ full: 'http://localhost:8787', embed: 'http://localhost:8788', inPage: false }, { option: true }],
});
