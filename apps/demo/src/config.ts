import {
  type AuthenticatorChoice,
  createFallbackUserActionSigner,
  createFetcher,
  createWebAuthnUserActionSigner,
  type PasskeyCeremony,
  type PasskeySignalUser,
  type UserActionSigner,
  type UserActionSignerWithProtocol,
  userFromToken,
  withUserActionProtocol,
} from '@credkit/core';
import { createSimpleWebAuthnUserActionSigner, simpleWebAuthnCeremony } from '@credkit/core/simplewebauthn';
import { browserMockApiUrl, mockInBrowser, tokenStorage } from './mockApi.ts';
import { passwordPrompt } from './passwordPrompt.ts';
import { recordingFetch, wireLog } from './wire/wireLog.ts';

const params = new URLSearchParams(window.location.search);

/**
 * `/?embed`: the credentials component on its own, against a mock with user-action signing off and
 * a seeded user (the "simple embed"). Otherwise the whole Dfns flow: sign up, then add credentials,
 * each confirmed with an existing passkey.
 */
export const embed = params.has('embed');

/** `/?embed&upgrade`: also try an automatic passkey upgrade (conditional create), as after a password sign-in. */
export const upgrade = params.has('upgrade');

/** `/?embed&two`: two independent credentials components on one page (one WebAuthn prompt at a time between them). */
export const twoForms = params.has('two');

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
const SIGNED_IN_WITH_KEY = 'credkit-demo-signed-in-with';

/** What the person signed in with: what confirms their changes (see {@link userActionSigner}). */
export type SignedInWith = 'passkey' | 'password-key';

/**
 * The signed-in user's token: for the browser session (a reload keeps you signed in while the mock runs),
 * or, with the mock in the page (static build), until a reload restarts it. With it, what they signed in
 * with (never a password).
 */
export const session = {
  token(): string | null {
    return embed ? (import.meta.env.VITE_CREDKIT_TOKEN ?? 'demo-token') : tokenStorage.getItem(TOKEN_KEY);
  },
  signedInWith(): SignedInWith {
    return tokenStorage.getItem(SIGNED_IN_WITH_KEY) === 'password-key' ? 'password-key' : 'passkey';
  },
  signIn(token: string, signedInWith: SignedInWith = 'passkey') {
    tokenStorage.setItem(TOKEN_KEY, token);
    tokenStorage.setItem(SIGNED_IN_WITH_KEY, signedInWith);
  },
  signOut() {
    tokenStorage.removeItem(TOKEN_KEY);
    tokenStorage.removeItem(SIGNED_IN_WITH_KEY);
  },
};

/**
 * The host owns HTTP: base URL and the bearer token, read per call. Its `fetch` records each call,
 * redacted, for the wire panel.
 */
export const fetcher = createFetcher({
  baseUrl: apiBaseUrl,
  fetch: recordingFetch(wireLog, apiBaseUrl),
  headers: (): Record<string, string> => {
    const token = session.token();
    return token ? { Authorization: `Bearer ${token}` } : {};
  },
});

/** The relying party: this page's own host name, which the mock expects as RP id (MOCK_RP_ID). */
export const rp = { id: window.location.hostname, name: 'credkit demo' };

/**
 * The signed-in user as the Signal API needs them: the Dfns user id of the session's token, and the
 * relying party. Given to the credential lists, so each list loaded tells the passkey manager which
 * passkeys the server still accepts.
 */
export function signalUser(): PasskeySignalUser | undefined {
  const user = userFromToken(session.token() ?? '');
  return user && { id: user.id, rpId: rp.id };
}

/**
 * `?ceremony=simplewebauthn`: every passkey prompt of the demo (sign-up, the component, the upgrade,
 * the user-action signature) runs on @simplewebauthn/browser instead of credkit's own ceremony.
 */
export const onSimpleWebAuthn = params.get('ceremony') === 'simplewebauthn';

/** A WebAuthn call the demo made through SimpleWebAuthn: `create` (a new passkey) or `get` (a user-action signature). */
export type DemoCeremonyCall = 'create' | 'get';

declare global {
  interface Window {
    /**
     * Test knob, `?ceremony=simplewebauthn` only: each SimpleWebAuthn call the demo made, in order,
     * so the e2e suite can tell SimpleWebAuthn ran rather than credkit's own ceremony.
     */
    credkitDemoCeremonyCalls?: DemoCeremonyCall[];
  }
}

const ceremonyCalls: DemoCeremonyCall[] = [];
if (onSimpleWebAuthn) window.credkitDemoCeremonyCalls = ceremonyCalls;

/** Who runs the passkey prompts: SimpleWebAuthn (each call recorded, see above), or credkit's own (undefined). */
export const ceremony: PasskeyCeremony | undefined = onSimpleWebAuthn
  ? {
      create(request) {
        ceremonyCalls.push('create');
        return simpleWebAuthnCeremony.create(request);
      },
      get(request) {
        ceremonyCalls.push('get');
        return simpleWebAuthnCeremony.get(request);
      },
    }
  : undefined;

function simpleWebAuthnUserActionSigner(): UserActionSignerWithProtocol {
  const signer = createSimpleWebAuthnUserActionSigner({ rpId: rp.id });
  // Recorded as the ceremony's calls are: this signer runs `startAuthentication` itself.
  return withUserActionProtocol({
    sign(challenge, signal) {
      ceremonyCalls.push('get');
      return signer.sign(challenge, signal);
    },
  });
}

const passkeySigner = onSimpleWebAuthn
  ? simpleWebAuthnUserActionSigner()
  : createWebAuthnUserActionSigner({ rpId: rp.id });

/**
 * After a password-protected key sign-in: that key, its password asked in `<PasswordDialog>`, else
 * (no such key in the challenge) a passkey. `@credkit/core/keys` is loaded on the first change only.
 */
let passwordKeySigning: Promise<UserActionSigner> | undefined;
function passwordKeySigner(): Promise<UserActionSigner> {
  passwordKeySigning ??= import('@credkit/core/keys').then(({ createPasswordProtectedKeyUserActionSigner }) =>
    createFallbackUserActionSigner([
      createPasswordProtectedKeyUserActionSigner({ password: passwordPrompt.ask }),
      passkeySigner,
    ]),
  );
  return passwordKeySigning;
}

/**
 * Confirms each change (a new credential, a deactivation) with an existing credential (Dfns
 * user-action signing): one of the user's passkeys, or, after a password-protected key sign-in,
 * that key. Chosen per change, from the session.
 */
export const userActionSigner = embed
  ? undefined
  : withUserActionProtocol({
      async sign(challenge, signal) {
        if (session.signedInWith() === 'passkey') return passkeySigner.sign(challenge, signal);
        return (await passwordKeySigner()).sign(challenge, signal);
      },
    });

// Test knobs, read from the URL: `?timeout=1500&grace=500` shortens the ceremony timeout and the watchdog.
const positive = (value: string | null) => (value && Number(value) > 0 ? Number(value) : undefined);

/** The ceremony timeout: `?timeout=` or credkit's default (60 s). */
export const ceremonyTimeout = positive(params.get('timeout'));
/** The watchdog grace after the timeout: `?grace=` or credkit's default (3 s). */
export const watchdogGraceMs = positive(params.get('grace'));
