import { abortError } from './abortError.ts';
import { validateFido2Challenge } from './challenge.ts';
import { toCreationOptions } from './creationOptions.ts';
import { validateCreateCredentialResponse } from './credentialResponse.ts';
import { CredkitError, type RegistrationPhase } from './credkitError.ts';
import type {
  CreateCredentialBody,
  CreateCredentialResponse,
  Fido2CredentialChallenge,
  RelyingParty,
} from './dfnsTypes.ts';
import { type Fetcher, toFetcherError } from './fetcher.ts';
import { toFido2CredentialInfo } from './fido2Payload.ts';
import { runCeremony } from './runCeremony.ts';
import { type CredentialCreator, resolveCredentialCreator } from './webAuthnSupport.ts';

/** Options of {@link registerCredential}. */
export interface RegisterCredentialOptions {
  /** Makes the HTTP calls; the host owns base URL, auth headers and user-action signing. */
  fetcher: Fetcher;
  /** The relying party the passkey is created for. */
  rp: RelyingParty;
  /** The human-readable name of the new credential (at least one character). */
  credentialName: string;
  /** The ceremony timeout in milliseconds. @defaultValue 60000 */
  timeout?: number;
  /** Aborts the whole registration, whichever phase it is in. */
  signal?: AbortSignal;
  /** A challenge fetched beforehand with {@link fetchFido2Challenge}; fetched now when absent. */
  challenge?: Fido2CredentialChallenge;
  /** Called as the registration enters each phase. */
  onPhase?: (phase: RegistrationPhase) => void;
  /** The object whose `create` runs the ceremony. @defaultValue navigator.credentials */
  credentials?: CredentialCreator;
  /** How long after `timeout` a `create()` that never settles is abandoned as `timed-out`. @defaultValue 3000 */
  watchdogGraceMs?: number;
}

/** Fetches and validates a Fido2 challenge (`POST /auth/credentials/init` `{ kind: "Fido2" }`). */
export async function fetchFido2Challenge(fetcher: Fetcher, signal?: AbortSignal): Promise<Fido2CredentialChallenge> {
  const body = await inPhase('challenge', () =>
    fetcher({ method: 'POST', path: '/auth/credentials/init', body: { kind: 'Fido2' }, signal }).catch(
      (error: unknown) => {
        if (signal?.aborted) throw abortError(signal, 'challenge', error);
        const fetcherError = toFetcherError(error, signal);
        // A success status with a body that is not JSON is a challenge we cannot use.
        if (fetcherError.code === 'server' && fetcherError.status !== undefined && fetcherError.status < 300) {
          throw new CredkitError('invalid-challenge', {
            message: `The server sent an invalid registration challenge: ${fetcherError.message}`,
            cause: fetcherError,
          });
        }
        throw fetcherError;
      },
    ),
  );
  return validateFido2Challenge(body);
}

async function inPhase<T>(phase: RegistrationPhase, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const credkitError = error instanceof CredkitError ? error : new CredkitError('unknown', { cause: error });
    credkitError.phase ??= phase;
    throw credkitError;
  }
}

function throwIfAborted(signal: AbortSignal | undefined, phase: RegistrationPhase): void {
  if (signal?.aborted) throw abortError(signal, phase);
}

/**
 * Registers a Fido2 credential (a passkey):
 * `POST /auth/credentials/init` → `navigator.credentials.create` → `POST /auth/credentials`.
 * Resolves with the validated `CreateCredentialResponse`; rejects with a {@link CredkitError}.
 */
export async function registerCredential(options: RegisterCredentialOptions): Promise<CreateCredentialResponse> {
  const { fetcher, rp, credentialName, timeout, signal, onPhase } = options;
  if (typeof credentialName !== 'string' || credentialName.trim() === '') {
    throw new CredkitError('invalid-input', { message: 'Give the credential a name.' });
  }
  const credentials = resolveCredentialCreator(options.credentials);
  throwIfAborted(signal, 'challenge');

  let challenge = options.challenge;
  if (!challenge) {
    onPhase?.('challenge');
    challenge = await fetchFido2Challenge(fetcher, signal);
  }
  throwIfAborted(signal, 'challenge');

  onPhase?.('ceremony');
  const publicKey = toCreationOptions(challenge, { rp, timeout });
  const credential = await runCeremony({ credentials, publicKey, signal, watchdogGraceMs: options.watchdogGraceMs });
  const credentialInfo = toFido2CredentialInfo(credential);
  throwIfAborted(signal, 'ceremony');

  onPhase?.('submitting');
  const body: CreateCredentialBody = {
    credentialKind: 'Fido2',
    credentialInfo,
    credentialName: credentialName.trim(),
    challengeIdentifier: challenge.challengeIdentifier,
  };
  return inPhase('submitting', async () => {
    const answer = await fetcher({ method: 'POST', path: '/auth/credentials', body, signal }).catch(
      (error: unknown) => {
        throw signal?.aborted ? abortError(signal, 'submitting', error) : toFetcherError(error, signal);
      },
    );
    return validateCreateCredentialResponse(answer);
  });
}
