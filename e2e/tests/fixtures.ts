import { test as base, type CDPSession, type Page, type Request } from '@playwright/test';

/** A credential as the virtual authenticator reports it (ids in standard base64, not base64url). */
export interface VirtualCredential {
  credentialId: string;
  isResidentCredential: boolean;
  rpId?: string;
  userHandle?: string;
  signCount: number;
}

/** A WebAuthn virtual authenticator attached to the test's page over CDP. */
export interface VirtualAuthenticator {
  id: string;
  cdp: CDPSession;
  credentials(): Promise<VirtualCredential[]>;
}

export interface AuthenticatorOptions {
  /** `internal` (a platform authenticator: one per page at most) or `usb` (a security key). @defaultValue "internal" */
  transport?: 'internal' | 'usb';
  hasUserVerification?: boolean;
  isUserVerified?: boolean;
  automaticPresenceSimulation?: boolean;
}

export async function addVirtualAuthenticator(
  page: Page,
  options: AuthenticatorOptions = {},
): Promise<VirtualAuthenticator> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: options.transport ?? 'internal',
      hasResidentKey: true,
      hasUserVerification: options.hasUserVerification ?? true,
      isUserVerified: options.isUserVerified ?? true,
      automaticPresenceSimulation: options.automaticPresenceSimulation ?? true,
    },
  });
  return {
    id: authenticatorId,
    cdp,
    async credentials() {
      const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
      return credentials as VirtualCredential[];
    },
  };
}

/** Standard base64 (as CDP reports ids) → base64url, unpadded (as Dfns and the kit use). */
export function base64ToBase64url(value: string): string {
  return value.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

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

export const test = base.extend<{ authenticator: VirtualAuthenticator; mockApi: MockApi }>({
  mockApi: [{ full: 'http://localhost:8787', embed: 'http://localhost:8788', inPage: false }, { option: true }],
  authenticator: async ({ page }, use) => {
    // A fresh authenticator per test: the virtual one holds at most 3 resident keys.
    const authenticator = await addVirtualAuthenticator(page);
    await use(authenticator);
    await authenticator.cdp
      .send('WebAuthn.removeVirtualAuthenticator', { authenticatorId: authenticator.id })
      .catch(() => undefined);
  },
});

export { expect } from '@playwright/test';
