import type { RelyingParty } from '../dfns/dfnsTypes.ts';
import { arrayOf, checkShape, nonEmptyString, object, string } from '../dfns/shape.ts';
import { throwIfAborted } from '../errors/abortError.ts';
import { CredkitError, type RegistrationPhase } from '../errors/credkitError.ts';
import { callFetcher } from '../http/callFetcher.ts';
import type { Fetcher } from '../http/fetcher.ts';
import { openSigningKey } from '../keys/openSigningKey.ts';
import { normalizeRecoveryCode } from '../keys/recoveryCode.ts';
import {
  type NewRecoveryKeyOptions,
  prepareRecoveryKey,
  type RegisteredRecoveryKey,
} from '../keys/recoveryKeyCredential.ts';
import { signKeyAssertion } from '../userAction/keyUserActionSigner.ts';
import { createPasskey } from '../webauthn/createPasskey.ts';
import { forgetRefusedPasskey } from '../webauthn/forgetRefusedPasskey.ts';
import { loadBrowserCeremony } from '../webauthn/loadBrowserCeremony.ts';
import type { PasskeyCeremony } from '../webauthn/passkeyCeremony.ts';
import { browserCredentials, type CredentialCreator } from '../webauthn/webAuthnSupport.ts';
import { checkCredentialName } from './checkCredentialName.ts';
import { checkUsername } from './checkUsername.ts';
import { validateRegistrationChallenge } from './registerUser.ts';

/** Options of {@link sendRecoveryCode}. */
export interface SendRecoveryCodeOptions {
  /** Makes the HTTP calls (no token: the person has lost every credential). */
  fetcher: Fetcher;
  orgId: string;
  /** Sent NFC-normalised and trimmed (`invalid-input` if it breaks the rule of `@credkit/names`). */
  username: string;
  signal?: AbortSignal;
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

/** Options of {@link recoverAccount}. */
export interface RecoverAccountOptions {
  /** Makes the HTTP calls; the recovery's temporary token is sent per call. */
  fetcher: Fetcher;
  orgId: string;
  /** Sent NFC-normalised and trimmed (`invalid-input` if it breaks the rule of `@credkit/names`). */
  username: string;
  /** The code Dfns e-mailed after {@link sendRecoveryCode}. */
  verificationCode: string;
  /** The id of the recovery key (shown with its code when it was made). */
  credentialId: string;
  /** The recovery code, as typed (spaces, dashes and case do not matter). Never sent. */
  recoveryCode: string;
  /** The relying party of the new passkey. */
  rp: RelyingParty;
  /** The new passkey's name. @defaultValue "Passkey" */
  credentialName?: string;
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
  signal?: AbortSignal;
  /** Called as the recovery enters each phase: `challenge`, `ceremony` (the new passkey), `signing` (the recovery key), `submitting`. */
  onPhase?: (phase: RegistrationPhase) => void;
}

/** What a recovery gives: the new credential and the user. Sign in with the new passkey next. */
export interface AccountRecovery {
  credential: { uuid: string; kind: string; name: string };
  user: { id: string; username: string; orgId: string };
  /** With `newRecoveryKey`: the new recovery key's ID (show it with its code: recovery asks for both) and name. */
  recoveryKey?: RegisteredRecoveryKey;
}

const RECOVERY_CHALLENGE = object({
  allowedRecoveryCredentials: arrayOf(object({ id: nonEmptyString(), encryptedRecoveryKey: nonEmptyString() })),
});

const RECOVERY_ANSWER = object({
  credential: object({ uuid: string(), kind: string(), name: string() }),
  user: object({ id: string(), username: string(), orgId: string() }),
});

/**
 * Recovers an account with its recovery key, registering a new passkey in the same call:
 * `POST /auth/recover/user/init` (username, verification code, recovery key id) → the new passkey
 * (`navigator.credentials.create`) → the recovery key, opened with the recovery code, signs the new
 * credentials (clientData `challenge` = base64url of their JSON, as Dfns documents) →
 * `POST /auth/recover/user` with the temporary token. A wrong recovery code is
 * `wrong-password` (nothing is sent); a wrong or expired verification code, or an unknown key id, is
 * the server's 4xx. The recovery code never leaves the page.
 */
export async function recoverAccount(options: RecoverAccountOptions): Promise<AccountRecovery> {
  const { fetcher, signal, onPhase, credentialId } = options;
  const username = checkUsername(options.username);
  const credentialName = checkCredentialName(options.credentialName ?? 'Passkey');
  const recoveryCode = normalizeRecoveryCode(options.recoveryCode);
  const makeRecoveryKey = options.newRecoveryKey && prepareRecoveryKey(options.newRecoveryKey, options.origin);
  // credkit's own ceremony needs the passkey API: `unsupported` before anything is fetched.
  const creator = options.ceremony ? undefined : (options.credentials ?? browserCredentials('ceremony'));
  throwIfAborted(signal, 'challenge');

  onPhase?.('challenge');
  const answer = await callFetcher(
    fetcher,
    {
      method: 'POST',
      path: '/auth/recover/user/init',
      body: {
        username,
        verificationCode: options.verificationCode.trim(),
        orgId: options.orgId,
        credentialId,
      },
      signal,
    },
    'challenge',
  );
  const challenge = validateRegistrationChallenge(answer);
  const { allowedRecoveryCredentials } = checkShape(answer, RECOVERY_CHALLENGE, {
    code: 'invalid-challenge',
    intro: 'The server sent an invalid recovery challenge',
    phase: 'challenge',
  });
  const recoveryKey = allowedRecoveryCredentials.find(({ id }) => id === credentialId);
  if (!recoveryKey) {
    throw new CredkitError('no-signing-credential', {
      phase: 'challenge',
      message: `The server offers no recovery key with the id ${credentialId}.`,
    });
  }
  // Opened before the new passkey is made: a mistyped recovery code costs no passkey.
  const privateKey = await openSigningKey(recoveryKey.encryptedRecoveryKey, recoveryCode);
  throwIfAborted(signal, 'challenge');

  onPhase?.('ceremony');
  // Made before the passkey too: a key that cannot be made costs no passkey.
  const newKey = makeRecoveryKey && (await makeRecoveryKey(challenge.challenge));
  throwIfAborted(signal, 'ceremony');
  const ceremony = options.ceremony ?? (await loadBrowserCeremony()).browserCreator(creator);
  const credentialInfo = await createPasskey(challenge, {
    ceremony,
    rp: options.rp,
    timeout: options.timeout,
    signal,
  });

  try {
    throwIfAborted(signal, 'ceremony');
    onPhase?.('signing');
    const newCredentials = {
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
    const recovered = await callFetcher(
      fetcher,
      {
        method: 'POST',
        path: '/auth/recover/user',
        body: {
          recovery: { kind: 'RecoveryKey', credentialAssertion },
          newCredentials,
        },
        headers: { Authorization: `Bearer ${challenge.challengeIdentifier}` },
        signal,
      },
      'submitting',
    );
    const { credential, user } = checkShape(recovered, RECOVERY_ANSWER, {
      code: 'server',
      intro: 'The server sent an invalid recovery answer',
      phase: 'submitting',
    });
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
