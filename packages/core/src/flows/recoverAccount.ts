import type { RecoverBody, RelyingParty } from '../dfns/dfnsTypes.ts';
import { checkShape, object, string } from '../dfns/shape.ts';
import { throwIfAborted } from '../errors/abortError.ts';
import { CredkitError, type OperationRunPhase } from '../errors/credkitError.ts';
import { callFetcher } from '../http/callFetcher.ts';
import type { Fetcher } from '../http/fetcher.ts';
import { openSigningKey } from '../keys/openSigningKey.ts';
import { normalizeRecoveryCode } from '../keys/recoveryCode.ts';
import {
  type NewRecoveryKeyOptions,
  prepareRecoveryKey,
  type RegisteredRecoveryKey,
} from '../keys/recoveryKeyCredential.ts';
import { defaultPasskeyName } from '../providers/defaultPasskeyName.ts';
import { signKeyAssertion } from '../userAction/keyUserActionSigner.ts';
import { browserCeremony } from '../webauthn/browserCeremony.ts';
import { createPasskey } from '../webauthn/createPasskey.ts';
import { forgetRefusedPasskey } from '../webauthn/forgetRefusedPasskey.ts';
import type { PasskeyCeremony } from '../webauthn/passkeyCeremony.ts';
import { signalAcceptedPasskeyIds } from '../webauthn/passkeySignals.ts';
import { browserCredentials, type CredentialCreator } from '../webauthn/webAuthnSupport.ts';
import { checkPasskeyName } from './checkCredentialName.ts';
import { checkUsername } from './checkUsername.ts';
import { type ChallengeSource, type Completion, callHost, type HostCallContext } from './hostBackend.ts';
import { fetchRecoveryChallenge, type RecoveryChallengeContext } from './recoveryChallenge.ts';
import { checkHostOrFetcher, requireFetcher } from './requireFetcher.ts';

/** Options of {@link sendRecoveryCode}. */
export interface SendRecoveryCodeOptions {
  /** Makes the HTTP calls (no token: the person has lost every credential). */
  fetcher: Fetcher;
  orgId: string;
  /** Sent NFC-normalised and trimmed (`invalid-input` if it breaks the rule of `@credkit/names`). */
  username: string;
  signal?: AbortSignal | undefined;
}

/** `POST /auth/recover/user/code`: Dfns e-mails the person a verification code for {@link recoverAccount}. */
export async function sendRecoveryCode({ fetcher, orgId, username, signal }: SendRecoveryCodeOptions): Promise<void> {
  const checked = checkUsername(username);
  await callFetcher(
    fetcher,
    { method: 'POST', path: '/auth/recover/user/code', body: { username: checked, orgId }, signal },
    'challenge',
  );
}

/** What a recovery's `completion` is told, besides the signal. */
export interface RecoveryCompletionContext extends HostCallContext {
  /**
   * The challenge's temporary token, which authorises `POST /auth/recover/user` (Bearer), as the
   * challenge carried it: absent when your backend kept it to itself (then complete with its copy).
   */
  temporaryAuthenticationToken?: string;
}

/** Options of {@link recoverAccount}. */
export interface RecoverAccountOptions {
  /**
   * Makes the HTTP calls; the recovery's temporary token is sent per call. Needed unless
   * `challengeSource` and `completion` are both given (`invalid-input` otherwise).
   */
  fetcher?: Fetcher;
  /** The Dfns organisation, for the kit's own `POST /auth/recover/user/init` (not used with a `challengeSource`). */
  orgId?: string;
  /**
   * Sent NFC-normalised and trimmed (`invalid-input` if it breaks the rule of `@credkit/names`).
   * Needed without a `challengeSource`; with one, it is only handed to it.
   */
  username?: string;
  /** The code Dfns e-mailed after {@link sendRecoveryCode}; needed without a `challengeSource`, refused with one. */
  verificationCode?: string;
  /**
   * Your backend obtains the recovery challenge instead of `POST /auth/recover/user/init`: it calls
   * `POST /auth/recover/user/delegated` `{ username, credentialId }` with its service account and
   * resolves with Dfns's answer (`allowedRecoveryCredentials`, `temporaryAuthenticationToken`). No
   * verification code then. It is told the `credentialId` (and `username`, if given).
   * @defaultValue the kit's own `POST /auth/recover/user/init` through `fetcher`
   */
  challengeSource?: ChallengeSource<RecoveryChallengeContext>;
  /**
   * Your backend completes the recovery instead of the kit's `POST /auth/recover/user`: it gets exactly
   * that request's body (`RecoverBody`) and the challenge's `temporaryAuthenticationToken` that
   * authorises it, and resolves with Dfns's answer.
   * @defaultValue the kit's own `POST /auth/recover/user` through `fetcher`, under the temporary token
   */
  completion?: Completion<RecoverBody, RecoveryCompletionContext>;
  /** The id of the recovery key (shown with its code when it was made). */
  credentialId: string;
  /** The recovery code, as typed (spaces, dashes and case do not matter). Never sent. */
  recoveryCode: string;
  /** The relying party of the new passkey. */
  rp: RelyingParty;
  /**
   * The new passkey's name. Absent or blank: its provider's ("Apple Passwords", "Google Password
   * Manager"), from the passkey's AAGUID, else "Passkey".
   */
  credentialName?: string | undefined;
  /**
   * A new recovery key, registered in the same call (`newCredentials.recoveryCredential`): Dfns
   * invalidates every old credential on recovery, the recovery key used included. Its private key is
   * wrapped under `recoveryCode` (see `generateRecoveryCode`), which the person must keep; never sent.
   */
  newRecoveryKey?: NewRecoveryKeyOptions;
  /** The ceremony timeout in milliseconds. @defaultValue 60000 */
  timeout?: number;
  /** Who runs `navigator.credentials.create()`. @defaultValue credkit's own */
  ceremony?: PasskeyCeremony;
  /** The object whose `create` runs credkit's own ceremony (not used with `ceremony`). @defaultValue navigator.credentials */
  credentials?: CredentialCreator;
  /** The origin written into the recovery key's clientData. @defaultValue location.origin */
  origin?: string;
  signal?: AbortSignal | undefined;
  /** Called as the recovery enters each phase: `challenge`, `ceremony` (the new passkey), `signing` (the recovery key), `submitting`. */
  onPhase?: (phase: OperationRunPhase) => void;
}

/** What a recovery gives: the new credential and the user. Sign in with the new passkey next. */
export interface AccountRecoveryResult {
  credential: { uuid: string; kind: string; name: string };
  user: { id: string; username: string; orgId: string };
  /** With `newRecoveryKey`: the new recovery key's ID (show it with its code: recovery asks for both) and name. */
  recoveryKey?: RegisteredRecoveryKey;
}

const RECOVERY_ANSWER = object({
  credential: object({ uuid: string(), kind: string(), name: string() }),
  user: object({ id: string(), username: string(), orgId: string() }),
});

/**
 * The username, checked, and the kit's own `POST /auth/recover/user/init` body; no body with a
 * `challengeSource`, where a verification code is a mistake (nothing would use it).
 */
function recoveryRequestOf({
  challengeSource,
  username,
  verificationCode,
  orgId,
  credentialId,
}: RecoverAccountOptions) {
  if (challengeSource) {
    if (verificationCode !== undefined) {
      throw new CredkitError('invalid-input', {
        message: 'A verificationCode with a challengeSource: your backend obtains the recovery challenge without one.',
      });
    }
    return { username: username === undefined ? undefined : checkUsername(username) };
  }
  const checked = checkUsername(username);
  if (typeof verificationCode !== 'string' || typeof orgId !== 'string') {
    throw new CredkitError('invalid-input', {
      message: 'A recovery without a challengeSource needs the orgId and the verification code Dfns e-mailed.',
    });
  }
  return {
    username: checked,
    initBody: { username: checked, verificationCode: verificationCode.trim(), orgId, credentialId },
  };
}

/**
 * Recovers an account with its recovery key, registering a new passkey in the same call:
 * `POST /auth/recover/user/init` (username, verification code, recovery key id), or the host's
 * `challengeSource` → the new passkey (`navigator.credentials.create`) → the recovery key, opened
 * with the recovery code, signs the new credentials (clientData `challenge` = base64url of their JSON,
 * as Dfns documents) → `POST /auth/recover/user` with the temporary token, or the host's `completion`.
 * A wrong recovery code is `wrong-password` (nothing is sent); a wrong or expired verification code,
 * or an unknown key id, is the server's 4xx. The recovery code never leaves the page.
 */
export async function recoverAccount(options: RecoverAccountOptions): Promise<AccountRecoveryResult> {
  const { fetcher, completion, signal, onPhase, credentialId } = options;
  checkHostOrFetcher(options);
  const { username, initBody } = recoveryRequestOf(options);
  const givenName = checkPasskeyName(options.credentialName);
  const recoveryCode = normalizeRecoveryCode(options.recoveryCode);
  const makeRecoveryKey = options.newRecoveryKey && prepareRecoveryKey(options.newRecoveryKey, options.origin);
  // credkit's own ceremony needs the passkey API: `unsupported` before anything is fetched.
  const creator = options.ceremony ? undefined : (options.credentials ?? browserCredentials('ceremony'));
  throwIfAborted(signal, 'challenge');

  onPhase?.('challenge');
  const { challenge, temporaryAuthenticationToken, encryptedRecoveryKey } = await fetchRecoveryChallenge({
    ...options,
    username,
    initBody,
    hostCompletes: Boolean(completion),
  });
  // Opened before the new passkey is made: a mistyped recovery code costs no passkey.
  const privateKey = await openSigningKey(encryptedRecoveryKey, recoveryCode);
  throwIfAborted(signal, 'challenge');

  onPhase?.('ceremony');
  // Made before the passkey too: a key that cannot be made costs no passkey.
  const newKey = makeRecoveryKey && (await makeRecoveryKey(challenge.challenge));
  throwIfAborted(signal, 'ceremony');
  const ceremony =
    options.ceremony ?? (browserCeremony.loaded ?? (await browserCeremony.load())).browserCreator(creator);
  const credentialInfo = await createPasskey(challenge, {
    ceremony,
    rp: options.rp,
    timeout: options.timeout,
    signal,
  });
  const credentialName = givenName ?? (await defaultPasskeyName(credentialInfo));

  try {
    throwIfAborted(signal, 'ceremony');
    onPhase?.('signing');
    const newCredentials: RecoverBody['newCredentials'] = {
      firstFactorCredential: { credentialKind: 'Fido2', credentialInfo, credentialName },
      ...(newKey && { recoveryCredential: newKey.recoveryCredential }),
    };
    // Dfns: the recovery key signs the new credentials (the JSON sent), not the challenge string.
    const credentialAssertion = await signKeyAssertion(JSON.stringify(newCredentials), {
      credId: credentialId,
      privateKey,
      origin: options.origin,
    });
    throwIfAborted(signal, 'signing');

    onPhase?.('submitting');
    const body: RecoverBody = { recovery: { kind: 'RecoveryKey', credentialAssertion }, newCredentials };
    // The temporary token authorises this one call; a host completion may have kept it on its backend.
    const recovered = completion
      ? await callHost(
          (context) =>
            completion(body, {
              ...context,
              ...(temporaryAuthenticationToken !== undefined && { temporaryAuthenticationToken }),
            }),
          'submitting',
          signal,
        )
      : await callFetcher(
          requireFetcher(fetcher, 'completion'),
          {
            method: 'POST',
            path: '/auth/recover/user',
            body,
            headers: { Authorization: `Bearer ${temporaryAuthenticationToken}` },
            signal,
          },
          'submitting',
        );
    const { credential, user } = checkShape(recovered, RECOVERY_ANSWER, {
      code: 'server',
      intro: 'The server sent an invalid recovery answer',
      phase: 'submitting',
    });
    // Dfns archived every other credential: the new passkey is the only one the manager should offer.
    void signalAcceptedPasskeyIds([credentialInfo.credId], { id: challenge.user.id, rpId: options.rp.id });
    return {
      credential: { uuid: credential.uuid, kind: credential.kind, name: credential.name },
      user: { id: user.id, username: user.username, orgId: user.orgId },
      ...(newKey && { recoveryKey: newKey.recoveryKey }),
    };
  } catch (error) {
    // The new passkey, refused or never sent, would stay in the person's passkey manager.
    forgetRefusedPasskey(error, options.rp.id, credentialInfo.credId);
    throw error;
  }
}
