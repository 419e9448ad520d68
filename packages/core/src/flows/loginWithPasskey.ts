import { throwIfAborted } from '../errors/abortError.ts';
import { CredkitError, type OperationRunPhase } from '../errors/credkitError.ts';
import type { Fetcher } from '../http/fetcher.ts';
import { browserGet, type CredentialGetter } from '../webauthn/browserGet.ts';
import { getAssertion } from '../webauthn/getAssertion.ts';
import type { PasskeyCeremony } from '../webauthn/passkeyCeremony.ts';
import { signalCurrentUser, userFromToken } from '../webauthn/passkeySignals.ts';
import { browserCredentials } from '../webauthn/webAuthnSupport.ts';
import { checkUsername } from './checkUsername.ts';
import { fetchLoginChallenge, type LoginResult, submitLogin } from './loginProtocol.ts';

export type { LoginResult } from './loginProtocol.ts';

/** Options of {@link loginWithPasskey}. */
export interface LoginWithPasskeyOptions {
  /** Makes the HTTP calls (no token needed: this is how one is obtained). */
  fetcher: Fetcher;
  /** The Dfns organisation of the user. */
  orgId: string;
  /**
   * The user's username, sent NFC-normalised and trimmed (`invalid-input` if it breaks the rule of
   * `@credkit/names`). Without it, the browser offers every passkey of this site (usernameless sign-in).
   */
  username?: string;
  /** The RP id the passkeys were created for. @defaultValue the page's effective domain */
  rpId?: string;
  /** The prompt's timeout in milliseconds. @defaultValue 60000 */
  timeout?: number;
  /** How long after `timeout` a prompt that never settles is abandoned as `timed-out`. @defaultValue 3000 */
  watchdogGraceMs?: number;
  /** Who runs `navigator.credentials.get()`: credkit's own ceremony by default, or `simpleWebAuthnCeremony`. */
  ceremony?: PasskeyCeremony;
  /** The object whose `get` runs credkit's own ceremony (not used with `ceremony`). @defaultValue navigator.credentials */
  credentials?: CredentialGetter;
  /**
   * `'conditional'`: autofill sign-in. The passkeys of this site are offered in the autofill of the
   * page's `autocomplete="username webauthn"` field, with no sheet, and the request waits until the
   * person picks one. Always usernameless (`username` must be left out). Check `conditionalGet`
   * (`isConditionalGetAvailable`) first; `createPasskeyAutofillController` runs it for you.
   */
  mediation?: 'conditional';
  /** Aborts the sign-in, whichever phase it is in. */
  signal?: AbortSignal | undefined;
  /** Called as the sign-in enters each phase: `challenge`, `signing` (the passkey prompt), `submitting`. */
  onPhase?: (phase: OperationRunPhase) => void;
}

/**
 * Signs a user in with one of their passkeys: `POST /auth/login/init` → `navigator.credentials.get`
 * → `POST /auth/login` → the user's token, and where the passkey was (`authenticatorAttachment`:
 * `cross-platform` for a security key or a phone, so this browser may hold no passkey). Rejects with a CredkitError: a passkey the server does not
 * accept (unknown, deactivated, another user's) is `server` or `forbidden` with the server's message;
 * a user whose only way in is a PasswordProtectedKey is `login-code-required` (see
 * `loginWithPasswordProtectedKey`), before any prompt.
 */
export function loginWithPasskey(options: LoginWithPasskeyOptions): Promise<LoginResult> {
  if (options.mediation === 'conditional') return signIn(options);
  const run = signIn(options);
  const ended = run.then(
    () => true,
    () => false,
  );
  signInWithPrompt = ended;
  void ended.then(() => {
    if (signInWithPrompt === ended) signInWithPrompt = undefined;
  });
  return run;
}

// The page's newest sign-in with a prompt (not an autofill's), until it ends: true if it signed the person in.
let signInWithPrompt: Promise<boolean> | undefined;

/**
 * Resolves once no sign-in with a prompt is running on the page, with whether the last one signed the
 * person in (false at once when none runs): how the autofill sign-in, replaced by a sign-in button's
 * prompt, knows whether to offer the passkeys again.
 */
export async function whenSignInWithPromptEnded(): Promise<boolean> {
  let signedIn = false;
  // A newer sign-in started meanwhile: it is the one that decides. Each one clears itself once ended.
  while (signInWithPrompt) signedIn = await signInWithPrompt;
  return signedIn;
}

async function signIn(options: LoginWithPasskeyOptions): Promise<LoginResult> {
  const { fetcher, signal, onPhase } = options;
  if (options.mediation === 'conditional' && options.username !== undefined) {
    throw new CredkitError('invalid-input', {
      phase: 'challenge',
      message: 'An autofill sign-in is usernameless: leave the username out.',
    });
  }
  const username = options.username === undefined ? undefined : checkUsername(options.username);
  // credkit's own ceremony needs the passkey API: `unsupported` before anything is fetched.
  const credentials = options.ceremony ? undefined : (options.credentials ?? browserCredentials('signing'));
  const ceremony = options.ceremony ?? { get: (request) => browserGet(request, credentials) };
  throwIfAborted(signal, 'challenge');

  onPhase?.('challenge');
  const challenge = await fetchLoginChallenge(
    fetcher,
    { orgId: options.orgId, ...(username !== undefined && { username }) },
    signal,
  );
  const { webauthn, passwordProtectedKey = [] } = challenge.allowCredentials;
  if (username !== undefined && webauthn.length === 0 && passwordProtectedKey.length > 0) {
    // An empty allow list would offer every passkey of the site: none of them is this user's.
    throw new CredkitError('login-code-required', {
      phase: 'challenge',
      message: 'This account signs in with a password-protected key, not a passkey: ask for a login code.',
    });
  }
  throwIfAborted(signal, 'challenge');

  onPhase?.('signing');
  const { credentialAssertion, authenticatorAttachment } = await getAssertion(challenge, {
    ceremony,
    rpId: options.rpId,
    timeout: options.timeout,
    watchdogGraceMs: options.watchdogGraceMs,
    ...(options.mediation && { mediation: options.mediation }),
    signal,
  });
  throwIfAborted(signal, 'signing');

  onPhase?.('submitting');
  const login = await submitLogin(
    fetcher,
    challenge.challengeIdentifier,
    { kind: 'Fido2', credentialAssertion },
    signal,
  );
  signalSignedInUser(login, username, options.rpId);
  return authenticatorAttachment ? { ...login, authenticatorAttachment } : login;
}

/**
 * After a passkey sign-in (the button's, the autofill's, a recovery's `signInAfter`), the passkey
 * manager shows the user's passkeys under their current username (`signalCurrentUserDetails`, best
 * effort): the user from the token's claims, the name from the token or else the username the
 * sign-in was given. Nothing when either is unknown (a usernameless sign-in with a token that names
 * no one).
 */
function signalSignedInUser(login: LoginResult, username: string | undefined, rpId: string | undefined): void {
  const user = userFromToken(login.token);
  const name = user?.username ?? username;
  if (!user || !name) return;
  void signalCurrentUser({ id: user.id, name, rpId });
}
