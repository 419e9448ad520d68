import { checkShape, nonEmptyString, object } from '../dfns/shape.ts';
import { throwIfAborted } from '../errors/abortError.ts';
import type { RegistrationPhase } from '../errors/credkitError.ts';
import { inPhase } from '../errors/inPhase.ts';
import { callFetcher } from '../http/callFetcher.ts';
import type { Fetcher } from '../http/fetcher.ts';
import { validateUserActionChallenge } from '../userAction/validateUserActionChallenge.ts';
import { browserGet, type CredentialGetter } from '../webauthn/browserGet.ts';
import { getAssertion } from '../webauthn/getAssertion.ts';
import type { PasskeyCeremony } from '../webauthn/passkeyCeremony.ts';
import { browserCredentials } from '../webauthn/webAuthnSupport.ts';
import { checkUsername } from './checkUsername.ts';

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
  /** Aborts the sign-in, whichever phase it is in. */
  signal?: AbortSignal;
  /** Called as the sign-in enters each phase: `challenge`, `signing` (the passkey prompt), `submitting`. */
  onPhase?: (phase: RegistrationPhase) => void;
}

/** A signed-in user: the token to send as `Authorization: Bearer <token>`. */
export interface Login {
  token: string;
}

const LOGIN_ANSWER = object({ token: nonEmptyString() });

/**
 * Signs a user in with one of their passkeys: `POST /auth/login/init` → `navigator.credentials.get`
 * → `POST /auth/login` → the user's token. Rejects with a CredkitError: a passkey the server does not
 * accept (unknown, deactivated, another user's) is `server` or `forbidden` with the server's message.
 */
export async function loginWithPasskey(options: LoginWithPasskeyOptions): Promise<Login> {
  const { fetcher, signal, onPhase } = options;
  const username = options.username === undefined ? undefined : checkUsername(options.username);
  // credkit's own ceremony needs the passkey API: `unsupported` before anything is fetched.
  const credentials = options.ceremony ? undefined : (options.credentials ?? browserCredentials('signing'));
  const ceremony = options.ceremony ?? { get: (request) => browserGet(request, credentials) };
  throwIfAborted(signal, 'challenge');

  onPhase?.('challenge');
  const challenge = validateUserActionChallenge(
    await callFetcher(
      fetcher,
      {
        method: 'POST',
        path: '/auth/login/init',
        body: { orgId: options.orgId, ...(username !== undefined && { username }) },
        signal,
      },
      'challenge',
    ),
    'login challenge',
  );
  throwIfAborted(signal, 'challenge');

  onPhase?.('signing');
  const credentialAssertion = await getAssertion(challenge, {
    ceremony,
    rpId: options.rpId,
    timeout: options.timeout,
    watchdogGraceMs: options.watchdogGraceMs,
    signal,
  });
  throwIfAborted(signal, 'signing');

  onPhase?.('submitting');
  const answer = await callFetcher(
    fetcher,
    {
      method: 'POST',
      path: '/auth/login',
      body: { challengeIdentifier: challenge.challengeIdentifier, firstFactor: { kind: 'Fido2', credentialAssertion } },
      signal,
    },
    'submitting',
  );
  return inPhase('submitting', async () => {
    const { token } = checkShape(answer, LOGIN_ANSWER, {
      code: 'server',
      intro: 'The server sent an invalid login answer',
    });
    return { token };
  });
}
