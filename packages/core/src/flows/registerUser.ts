import { validateFido2Challenge } from '../dfns/challenge.ts';
import type {
  Fido2CredentialChallenge,
  Fido2CredentialInfo,
  KeyCredentialInfo,
  RelyingParty,
} from '../dfns/dfnsTypes.ts';
import { checkShape, nonEmptyString, object, string } from '../dfns/shape.ts';
import { throwIfAborted } from '../errors/abortError.ts';
import type { RegistrationPhase } from '../errors/credkitError.ts';
import { callFetcher } from '../http/callFetcher.ts';
import type { Fetcher } from '../http/fetcher.ts';
import { createPasskey } from '../webauthn/createPasskey.ts';
import { forgetRefusedPasskey } from '../webauthn/forgetRefusedPasskey.ts';
import { loadBrowserCeremony } from '../webauthn/loadBrowserCeremony.ts';
import type { PasskeyCeremony } from '../webauthn/passkeyCeremony.ts';
import { browserCredentials, type CredentialCreator } from '../webauthn/webAuthnSupport.ts';
import { checkCredentialName } from './checkCredentialName.ts';
import { checkUsername } from './checkUsername.ts';

/** Options of {@link registerUser}. */
export interface RegisterUserOptions {
  /** Makes the HTTP calls (no user token yet: the registration's temporary token is sent per call). */
  fetcher: Fetcher;
  /** The Dfns organisation to join. */
  orgId: string;
  /** The new user's username (an email at Dfns): sent NFC-normalised and trimmed, checked by `@credkit/names`. */
  username: string;
  /** The code the user received (not enforced by every server). */
  registrationCode: string;
  /** The first credential: a passkey, or a key made in the browser. @defaultValue "Fido2" */
  kind?: 'Fido2' | 'Key';
  /** The relying party (Fido2). */
  rp: RelyingParty;
  /** The first credential's name. @defaultValue "Passkey" / "Key" */
  credentialName?: string;
  /** The ceremony timeout in milliseconds. @defaultValue 60000 */
  timeout?: number;
  /** How long after `timeout` a ceremony that never settles is abandoned. @defaultValue 3000 */
  watchdogGraceMs?: number;
  /** Aborts the registration. */
  signal?: AbortSignal;
  /** Who runs `navigator.credentials.create()` (see `RegisterPasskeyOptions.ceremony`). @defaultValue credkit's own */
  ceremony?: PasskeyCeremony;
  /** The object whose `create` runs credkit's own ceremony (not used with `ceremony`). @defaultValue navigator.credentials */
  credentials?: CredentialCreator;
  /** Key: the origin written into clientData. @defaultValue location.origin */
  origin?: string;
  /** Called as the registration enters each phase. */
  onPhase?: (phase: RegistrationPhase) => void;
}

/** What a user registration gives back. */
export interface UserRegistration {
  credential: { uuid: string; kind: string; name: string };
  user: { id: string; username: string; orgId: string };
  /** The new user's bearer token: they are signed in. */
  token: string;
  /** Key: the key pair (non-extractable private key), for the host to keep. */
  keyPair?: CryptoKeyPair;
}

/** Validates `POST /auth/registration/init`'s answer as a Fido2-shaped challenge (it has no `kind`). */
export function validateRegistrationChallenge(value: unknown): Fido2CredentialChallenge {
  const body = checkShape(value, object({ temporaryAuthenticationToken: nonEmptyString() }), {
    code: 'invalid-challenge',
    intro: 'The server sent an invalid registration challenge',
    phase: 'challenge',
    root: 'registration challenge',
  });
  return validateFido2Challenge({
    ...body,
    kind: 'Fido2',
    challengeIdentifier: body.temporaryAuthenticationToken,
    excludeCredentials: body.excludeCredentials ?? [],
  });
}

function validateRegistrationAnswer(value: unknown): Omit<UserRegistration, 'keyPair'> {
  const { credential, user, authentication } = checkShape(
    value,
    object({
      credential: object({ uuid: string(), kind: string(), name: string() }),
      user: object({ id: string(), username: string(), orgId: string() }),
      authentication: object({ token: nonEmptyString() }),
    }),
    { code: 'server', intro: 'The server sent an invalid registration answer', phase: 'submitting' },
  );
  return {
    credential: { uuid: credential.uuid, kind: credential.kind, name: credential.name },
    user: { id: user.id, username: user.username, orgId: user.orgId },
    token: authentication.token,
  };
}

/** The first credential made for a challenge: its `credentialInfo`, and the key pair of a Key. */
type CredentialStep = (
  challenge: Fido2CredentialChallenge,
) => Promise<{ credentialInfo: Fido2CredentialInfo | KeyCredentialInfo; keyPair?: CryptoKeyPair }>;

function passkeyStep({
  ceremony,
  credentials,
  rp,
  timeout,
  watchdogGraceMs,
  signal,
}: RegisterUserOptions): CredentialStep {
  // credkit's own ceremony needs the passkey API: `unsupported` before anything is fetched.
  const creator = ceremony ? undefined : (credentials ?? browserCredentials('ceremony'));
  return async (challenge) => {
    const chosen = ceremony ?? (await loadBrowserCeremony()).browserCreator(creator);
    return {
      credentialInfo: await createPasskey(challenge, { ceremony: chosen, rp, timeout, watchdogGraceMs, signal }),
    };
  };
}

async function keyStep(origin: string | undefined): Promise<CredentialStep> {
  // Key: its WebCrypto code loads only when a key is asked for, and only the key step (a lazy chunk
  // reaching the key signer would link the user-action protocol into the root entry's bundle).
  const { createKeyCredential, keyCredentialOrigin } = await import('../keys/createKeyCredential.ts');
  const checkedOrigin = keyCredentialOrigin(origin);
  return (challenge) => createKeyCredential({ challenge: challenge.challenge, origin: checkedOrigin });
}

/**
 * Registers a new end user with their first credential, through the same ceremony code as
 * `registerPasskey`: `POST /auth/registration/init` → passkey (or key) → `POST
 * /auth/registration/enduser` with the temporary token → the user, signed in.
 */
export async function registerUser(options: RegisterUserOptions): Promise<UserRegistration> {
  const { fetcher, signal, onPhase, kind = 'Fido2' } = options;
  const credentialName = checkCredentialName(options.credentialName ?? (kind === 'Fido2' ? 'Passkey' : 'Key'));
  const username = checkUsername(options.username);
  // Chosen (and checked: no passkey API or no WebCrypto is `unsupported`) before anything is fetched.
  const createCredential = kind === 'Fido2' ? passkeyStep(options) : await keyStep(options.origin);
  throwIfAborted(signal, 'challenge');

  onPhase?.('challenge');
  const challenge = await callFetcher(
    fetcher,
    {
      method: 'POST',
      path: '/auth/registration/init',
      body: { orgId: options.orgId, username, registrationCode: options.registrationCode },
      signal,
    },
    'challenge',
  ).then(validateRegistrationChallenge);
  throwIfAborted(signal, 'challenge');

  onPhase?.('ceremony');
  const { credentialInfo, keyPair } = await createCredential(challenge);
  try {
    throwIfAborted(signal, 'ceremony');
    onPhase?.('submitting');
    const answer = await callFetcher(
      fetcher,
      {
        method: 'POST',
        path: '/auth/registration/enduser',
        body: { firstFactorCredential: { credentialKind: kind, credentialInfo, credentialName }, wallets: [] },
        headers: { Authorization: `Bearer ${challenge.challengeIdentifier}` },
        signal,
      },
      'submitting',
    ).then(validateRegistrationAnswer);
    return { ...answer, ...(keyPair && { keyPair }) };
  } catch (error) {
    // A passkey the server refused for good, or never got, would stay in the person's passkey manager.
    if (kind === 'Fido2') forgetRefusedPasskey(error, options.rp.id, credentialInfo.credId);
    throw error;
  }
}
