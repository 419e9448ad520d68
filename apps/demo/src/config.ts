import { type AuthenticatorChoice, createFetcher, createWebAuthnUserActionSigner } from '@credkit/core';
import { browserMockApiUrl, mockInBrowser, tokenStorage } from './mockApi.ts';

const params = new URLSearchParams(window.location.search);

/**
 * `/?embed`: the credentials component on its own, against a mock with user-action signing off and
 * a seeded user (the "simple embed"). Otherwise the whole Dfns flow: sign up, then add credentials,
 * each confirmed with an existing passkey.
 */
export const embed = params.has('embed');

/** `/?embed&upgrade`: also try an automatic passkey upgrade (conditional create), as after a password sign-in. */
export const upgrade = params.has('upgrade');

/** `/?choices=this-device,security-key,phone`: the authenticator choices offered (all three by default). */
export const authenticatorChoices = (params.get('choices') ?? 'this-device,security-key,phone')
  .split(',')
  .filter((choice): choice is AuthenticatorChoice => ['this-device', 'security-key', 'phone'].includes(choice));

/** Where the demo finds the (mock) Dfns API: the Node mocks, or (static build) the mock in this page. */
export const apiBaseUrl = mockInBrowser
  ? browserMockApiUrl(embed ? 'embed' : 'full')
  : embed
    ? (import.meta.env.VITE_CREDKIT_EMBED_API_URL ?? 'http://localhost:8788')
    : (import.meta.env.VITE_CREDKIT_API_URL ?? 'http://localhost:8787');

/** The organisation users sign up into (the mock's default, `DEFAULT_ORG_ID` of @credkit/mock-backend). */
export const orgId = import.meta.env.VITE_CREDKIT_ORG_ID ?? 'or-credk-itmck-0000000000000000';

const TOKEN_KEY = 'credkit-demo-token';

/**
 * The signed-in user's token: for the browser session (a reload keeps you signed in while the mock runs),
 * or, with the mock in the page (static build), until a reload restarts it.
 */
export const session = {
  token(): string | null {
    return embed ? (import.meta.env.VITE_CREDKIT_TOKEN ?? 'demo-token') : tokenStorage.getItem(TOKEN_KEY);
  },
  signIn(token: string) {
    tokenStorage.setItem(TOKEN_KEY, token);
  },
  signOut() {
    tokenStorage.removeItem(TOKEN_KEY);
  },
};

/** The host owns HTTP: base URL and the bearer token, read per call. */
export const fetcher = createFetcher({
  baseUrl: apiBaseUrl,
  headers: (): Record<string, string> => {
    const token = session.token();
    return token ? { Authorization: `Bearer ${token}` } : {};
  },
});

/** The relying party: this page's own host name, which the mock expects as RP id (MOCK_RP_ID). */
export const rp = { id: window.location.hostname, name: 'credkit demo' };

/** Confirms each new credential with one of the user's passkeys (Dfns user-action signing). */
export const userActionSigner = embed ? undefined : createWebAuthnUserActionSigner({ rpId: rp.id });

// Test knobs, read from the URL: `?timeout=1500&grace=500` shortens the ceremony timeout and the watchdog.
const positive = (value: string | null) => (value && Number(value) > 0 ? Number(value) : undefined);

/** The ceremony timeout: `?timeout=` or credkit's default (60 s). */
export const ceremonyTimeout = positive(params.get('timeout'));
/** The watchdog grace after the timeout: `?grace=` or credkit's default (3 s). */
export const watchdogGraceMs = positive(params.get('grace'));
