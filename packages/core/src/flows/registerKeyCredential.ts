import { validateKeyChallenge } from '../dfns/challenge.ts';
import type {
  CreateCredentialBody,
  CreateCredentialResponse,
  KeyCredentialChallenge,
  KeyCredentialKind,
} from '../dfns/dfnsTypes.ts';
import { throwIfAborted } from '../errors/abortError.ts';
import { CredkitError, type OperationRunPhase } from '../errors/credkitError.ts';
import type { Fetcher } from '../http/fetcher.ts';
import { createKeyCredential, keyCredentialOrigin } from '../keys/createKeyCredential.ts';
import { checkKeyCredentialId } from '../keys/keyCredentialInfo.ts';
import { normalizeRecoveryCode } from '../keys/recoveryCode.ts';
import type { UserActionSignerWithProtocol } from '../userAction/userAction.ts';
import { checkCredentialName } from './checkCredentialName.ts';
import { type ChallengeOrigin, fetchChallenge } from './fetchChallenge.ts';
import type { ChallengeSource, Completion } from './hostBackend.ts';
import { checkSubmitOptions, submitCredential } from './submitCredential.ts';

/** Options of {@link registerKeyCredential}. */
export interface RegisterKeyCredentialOptions {
  /**
   * Makes the HTTP calls; the host owns base URL, auth headers and user-action signing. Needed unless
   * `challengeSource` and `completion` are both given (`invalid-input` otherwise).
   */
  fetcher?: Fetcher;
  /**
   * Your backend obtains the challenge of this kind instead of `POST /auth/credentials/init` and
   * resolves with it as Dfns answered; the kit validates it (`invalid-challenge`).
   * @defaultValue the kit's own `POST /auth/credentials/init` through `fetcher`
   */
  challengeSource?: ChallengeSource;
  /**
   * Your backend completes the registration instead of `POST /auth/credentials`: it gets exactly that
   * request's body and resolves with Dfns's answer. Pass no `userActionSigner` then (`invalid-input`).
   * @defaultValue the kit's own `POST /auth/credentials` through `fetcher`
   */
  completion?: Completion<CreateCredentialBody>;
  /** Which key kind to register. */
  kind: KeyCredentialKind;
  /** The human-readable name of the new credential (at least one character). */
  credentialName: string;
  /** PasswordProtectedKey: the password that wraps the private key. Never sent. */
  password?: string;
  /** RecoveryKey: the recovery code (see `generateRecoveryCode`) that wraps the private key. Never sent. */
  recoveryCode?: string;
  /** PBKDF2 iterations for the wrapping key (at least 600,000). @defaultValue 600000 */
  iterations?: number;
  /**
   * The new credential's ID, chosen beforehand: a RecoveryKey's, shown with its code before it is
   * registered (see `generateKeyCredentialId`). base64url. @defaultValue a new one
   */
  credentialId?: string;
  /** The origin written into clientData. @defaultValue location.origin */
  origin?: string;
  /**
   * Confirms the change with one of the user's existing credentials (Dfns user-action signing:
   * `X-DFNS-USERACTION`), as Dfns requires for `POST /auth/credentials`. Adds the phase `signing`.
   * A credkit signer, or any other through `withUserActionProtocol(signer)`.
   */
  userActionSigner?: UserActionSignerWithProtocol;
  /** Aborts the whole registration. */
  signal?: AbortSignal | undefined;
  /** A challenge of this kind fetched beforehand with {@link fetchKeyChallenge}. */
  challenge?: KeyCredentialChallenge;
  /** Called as the registration enters each phase (`ceremony` is key generation and wrapping). */
  onPhase?: (phase: OperationRunPhase) => void;
}

/** What a key registration gives the host. */
export interface KeyCredentialRegistration {
  /** The credential as the server stored it. */
  credential: CreateCredentialResponse;
  /** The new key pair; the private key is not extractable. Store it as you see fit (e.g. IndexedDB). */
  keyPair: CryptoKeyPair;
  /** PasswordProtectedKey, RecoveryKey: the wrapped private key that was sent to the server. */
  encryptedPrivateKey?: string;
}

/** Fetches and validates the challenge of a key kind. */
export function fetchKeyChallenge(
  fetcher: Fetcher,
  kind: KeyCredentialKind,
  signal?: AbortSignal,
): Promise<KeyCredentialChallenge> {
  return keyChallenge({ fetcher }, kind, signal);
}

/** The challenge of a key kind, from the host's `challengeSource` or the fetcher. */
function keyChallenge(origin: ChallengeOrigin, kind: KeyCredentialKind, signal?: AbortSignal) {
  return fetchChallenge(origin, kind, (value) => validateKeyChallenge(value, kind), signal);
}

function secretFor({ kind, password, recoveryCode }: RegisterKeyCredentialOptions): string | undefined {
  if (kind === 'PasswordProtectedKey') {
    if (typeof password !== 'string' || password === '') {
      throw new CredkitError('invalid-input', {
        message: 'A password-protected key needs a password.',
        field: 'password',
      });
    }
    return password;
  }
  if (kind === 'RecoveryKey') {
    if (typeof recoveryCode !== 'string') {
      throw new CredkitError('invalid-input', {
        message: 'A recovery key needs a recovery code.',
        field: 'recoveryCode',
      });
    }
    return normalizeRecoveryCode(recoveryCode);
  }
  return undefined;
}

/**
 * Registers a key credential made in the browser with WebCrypto (ECDSA P-256):
 * `POST /auth/credentials/init` `{ kind }` → key pair (wrapped under the password or recovery code
 * for PasswordProtectedKey / RecoveryKey) → signed `credentialInfo` → `POST /auth/credentials`, either
 * call made by the host's backend instead when `challengeSource` / `completion` are given. No secret
 * and no unwrapped private key leaves the browser.
 */
export async function registerKeyCredential(options: RegisterKeyCredentialOptions): Promise<KeyCredentialRegistration> {
  const { fetcher, kind, signal, onPhase } = options;
  const credentialName = checkCredentialName(options.credentialName);
  checkSubmitOptions(options);
  const secret = secretFor(options);
  const credId = checkKeyCredentialId(options.credentialId);
  const origin = keyCredentialOrigin(options.origin);
  throwIfAborted(signal, 'challenge');

  let challenge = options.challenge;
  if (!challenge) {
    onPhase?.('challenge');
    challenge = await keyChallenge(options, kind, signal);
  }
  throwIfAborted(signal, 'challenge');

  onPhase?.('ceremony');
  const { credentialInfo, keyPair, encryptedPrivateKey } = await createKeyCredential({
    challenge: challenge.challenge,
    origin,
    secret,
    iterations: options.iterations,
    credId,
  });
  throwIfAborted(signal, 'ceremony');

  const credential = await submitCredential(
    fetcher,
    {
      credentialKind: kind,
      credentialInfo,
      credentialName,
      challengeIdentifier: challenge.challengeIdentifier,
      ...(encryptedPrivateKey !== undefined && { encryptedPrivateKey }),
    },
    { signal, onPhase, userActionSigner: options.userActionSigner, completion: options.completion },
  );
  return { credential, keyPair, ...(encryptedPrivateKey !== undefined && { encryptedPrivateKey }) };
}
