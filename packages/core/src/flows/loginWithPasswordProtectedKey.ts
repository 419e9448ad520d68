import { throwIfAborted } from '../errors/abortError.ts';
import { CredkitError, type OperationRunPhase } from '../errors/credkitError.ts';
import { inPhase } from '../errors/inPhase.ts';
import { callFetcher } from '../http/callFetcher.ts';
import type { Fetcher } from '../http/fetcher.ts';
import { keyCredentialOrigin } from '../keys/createKeyCredential.ts';
import { openAnySigningKey } from '../keys/openSigningKey.ts';
import { signKeyAssertion } from '../userAction/keyUserActionSigner.ts';
import { checkUsername } from './checkUsername.ts';
import { fetchLoginChallenge, type LoginResult, submitLogin } from './loginProtocol.ts';

/** Options of {@link sendLoginCode}. */
export interface SendLoginCodeOptions {
  /** Makes the HTTP call (no token: this is how one is obtained). */
  fetcher: Fetcher;
  orgId: string;
  /** Sent NFC-normalised and trimmed (`invalid-input` if it breaks the rule of `@credkit/names`). */
  username: string;
  signal?: AbortSignal | undefined;
}

/**
 * `POST /auth/login/code` `{ username, orgId }`: Dfns e-mails the person a one-time login code, which
 * {@link loginWithPasswordProtectedKey} needs for the server to hand out the user's encrypted key.
 */
export async function sendLoginCode({ fetcher, orgId, username, signal }: SendLoginCodeOptions): Promise<void> {
  const checked = checkUsername(username);
  await callFetcher(
    fetcher,
    { method: 'POST', path: '/auth/login/code', body: { username: checked, orgId }, signal },
    'challenge',
  );
}

/** Options of {@link loginWithPasswordProtectedKey}. */
export interface LoginWithPasswordProtectedKeyOptions {
  /** Makes the HTTP calls (no token needed: this is how one is obtained). */
  fetcher: Fetcher;
  /** The Dfns organisation of the user. */
  orgId: string;
  /** Sent NFC-normalised and trimmed (`invalid-input` if it breaks the rule of `@credkit/names`). */
  username: string;
  /** The password the key was wrapped under. Never sent. */
  password: string;
  /** The code Dfns e-mailed after {@link sendLoginCode}; an empty one is not sent (then `login-code-required`). */
  loginCode: string;
  /** The origin written into the key's clientData. @defaultValue location.origin */
  origin?: string;
  /** Aborts the sign-in, whichever phase it is in. */
  signal?: AbortSignal | undefined;
  /** Called as the sign-in enters each phase: `challenge`, `signing` (opening the key and signing), `submitting`. */
  onPhase?: (phase: OperationRunPhase) => void;
}

/**
 * Signs a user in with a PasswordProtectedKey: `POST /auth/login/init` with the e-mailed `loginCode`
 * → the key's `encryptedPrivateKey` opened in the page with the password → its assertion of the
 * challenge → `POST /auth/login` → the user's token. A password that opens none of the user's keys
 * is `wrong-password` (nothing more is sent); a challenge that lists the keys without their
 * encrypted private key (no valid login code) is `login-code-required`.
 */
export async function loginWithPasswordProtectedKey(
  options: LoginWithPasswordProtectedKeyOptions,
): Promise<LoginResult> {
  const { fetcher, signal, onPhase, password } = options;
  const username = checkUsername(options.username);
  if (password === '') {
    throw new CredkitError('invalid-input', { message: 'Give the password of your key.', field: 'password' });
  }
  // Checked before anything is fetched: no WebCrypto (or no page to take the origin from) is `unsupported`.
  const origin = keyCredentialOrigin(options.origin);
  throwIfAborted(signal, 'challenge');

  onPhase?.('challenge');
  const loginCode = options.loginCode.trim();
  const challenge = await fetchLoginChallenge(
    fetcher,
    { orgId: options.orgId, username, ...(loginCode !== '' && { loginCode }) },
    signal,
  );
  const keys = challenge.allowCredentials.passwordProtectedKey ?? [];
  if (keys.length === 0) {
    throw new CredkitError('no-signing-credential', {
      phase: 'challenge',
      message: 'This account has no password-protected key to sign in with.',
    });
  }
  if (!keys.some(({ encryptedPrivateKey }) => encryptedPrivateKey)) {
    throw new CredkitError('login-code-required', {
      phase: 'challenge',
      message: 'The server handed out no key to open: this sign-in needs a valid login code. Send one, then try again.',
    });
  }
  throwIfAborted(signal, 'challenge');

  onPhase?.('signing');
  const { credId, privateKey } = await openAnySigningKey(keys, password);
  const credentialAssertion = await inPhase('signing', () =>
    signKeyAssertion(challenge.challenge, { credId, privateKey, origin }),
  );
  throwIfAborted(signal, 'signing');

  onPhase?.('submitting');
  return submitLogin(
    fetcher,
    challenge.challengeIdentifier,
    { kind: 'PasswordProtectedKey', credentialAssertion },
    signal,
  );
}
