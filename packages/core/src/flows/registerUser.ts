import { validateFido2Challenge } from '../dfns/challenge.ts';
import type {
  Fido2CredentialChallenge,
  Fido2CredentialInfo,
  KeyCredentialInfo,
  RegisterEndUserBody,
  RelyingParty,
} from '../dfns/dfnsTypes.ts';
import { checkShape, headerToken, object, optional, string } from '../dfns/shape.ts';
import { throwIfAborted } from '../errors/abortError.ts';
import type { OperationRunPhase } from '../errors/credkitError.ts';
import { callFetcher } from '../http/callFetcher.ts';
import type { Fetcher } from '../http/fetcher.ts';
import type { NewRecoveryKeyOptions, RegisteredRecoveryKey } from '../keys/recoveryKeyCredential.ts';
import { defaultPasskeyName } from '../providers/defaultPasskeyName.ts';
import { browserCeremony } from '../webauthn/browserCeremony.ts';
import { createPasskey } from '../webauthn/createPasskey.ts';
import { forgetRefusedPasskey } from '../webauthn/forgetRefusedPasskey.ts';
import type { PasskeyCeremony } from '../webauthn/passkeyCeremony.ts';
import { signalCurrentUser } from '../webauthn/passkeySignals.ts';
import { browserCredentials, type CredentialCreator } from '../webauthn/webAuthnSupport.ts';
import { checkPasskeyName } from './checkCredentialName.ts';
import { checkUsername } from './checkUsername.ts';
import { type ChallengeSource, type Completion, callHost } from './hostBackend.ts';
import { checkHostOrFetcher } from './requireFetcher.ts';

/** Options of {@link registerUser} that every sign-up has, wherever its challenge comes from. */
interface RegisterUserCommonOptions {
  /** The first credential: a passkey, or a key made in the browser. @defaultValue "Fido2" */
  kind?: 'Fido2' | 'Key';
  /** The relying party (Fido2). */
  rp: RelyingParty;
  /** The first credential's name. @defaultValue a passkey's provider ("Apple Passwords"), else "Passkey"; "Key" */
  credentialName?: string;
  /**
   * A recovery key, registered in the same request as the first credential (`recoveryCredential`).
   * Made before the passkey, its private key wrapped under `recoveryCode` (see
   * `generateRecoveryCode`): show the person the code, and have them confirm they saved it, before
   * calling. The code is never sent; the result's `recoveryKey` says the key's ID.
   */
  recoveryKey?: NewRecoveryKeyOptions;
  /** The ceremony timeout in milliseconds. @defaultValue 60000 */
  timeout?: number;
  /** How long after `timeout` a ceremony that never settles is abandoned. @defaultValue 3000 */
  watchdogGraceMs?: number;
  /** Aborts the registration. */
  signal?: AbortSignal | undefined;
  /** Who runs `navigator.credentials.create()` (see `RegisterPasskeyOptions.ceremony`). @defaultValue credkit's own */
  ceremony?: PasskeyCeremony;
  /** The object whose `create` runs credkit's own ceremony (not used with `ceremony`). @defaultValue navigator.credentials */
  credentials?: CredentialCreator;
  /** Key, recovery key: the origin written into clientData. @defaultValue location.origin */
  origin?: string;
  /** Called as the registration enters each phase. */
  onPhase?: (phase: OperationRunPhase) => void;
}

/** The kit asks for the challenge: `POST /auth/registration/init` `{ orgId, username, registrationCode }`. */
interface RegistrationInitOptions {
  challengeSource?: undefined;
  /** Makes the HTTP calls (no user token yet: the registration's temporary token is sent per call). */
  fetcher: Fetcher;
  /** The Dfns organisation to join. */
  orgId: string;
  /** The new user's username (an email at Dfns): sent NFC-normalised and trimmed, checked by `@credkit/names`. */
  username: string;
  /** The code the user received (not enforced by every server). */
  registrationCode: string;
}

/** The host's backend got the challenge (`POST /auth/registration/delegated`): it knows the user and the organisation. */
interface DelegatedChallengeOptions {
  /**
   * Resolves with the registration challenge your backend got from `POST /auth/registration/delegated`
   * `{ email, kind: 'EndUser' }` (the shape of `/auth/registration/init`'s, with
   * `temporaryAuthenticationToken`), instead of the kit's `POST /auth/registration/init`.
   */
  challengeSource: ChallengeSource;
  /** Makes the completing call when there is no `completion`. */
  fetcher?: Fetcher;
  orgId?: never;
  username?: never;
  registrationCode?: never;
}

/** The kit completes: `POST /auth/registration/enduser` under the challenge's temporary token. */
interface KitCompletionOptions {
  completion?: undefined;
  /** Makes the HTTP calls (no user token yet: the registration's temporary token is sent per call). */
  fetcher: Fetcher;
}

/** The host's backend completes the sign-up. */
interface HostCompletionOptions {
  /**
   * Called instead of the kit's `POST /auth/registration/enduser` with exactly its body; resolves with
   * Dfns's answer (e.g. your backend's `registerEndUser` under the temporary token, relayed). An
   * answer without `authentication` is fine: then the result has no `token`.
   */
  completion: Completion<RegisterEndUserBody>;
  fetcher?: Fetcher;
}

/**
 * Options of {@link registerUser}: the common ones, where the challenge comes from (the kit's
 * `POST /auth/registration/init` with `fetcher`, `orgId`, `username` and `registrationCode`, or
 * `challengeSource`), and who completes (the kit with `fetcher`, or `completion`).
 */
export type RegisterUserOptions = RegisterUserCommonOptions &
  (RegistrationInitOptions | DelegatedChallengeOptions) &
  (KitCompletionOptions | HostCompletionOptions);

/** What a user registration gives back. */
export interface UserRegistrationResult {
  credential: { uuid: string; kind: string; name: string };
  user: { id: string; username: string; orgId: string };
  /**
   * The new user's bearer token: they are signed in. Absent when your `completion`'s answer has none
   * (a backend that keeps the user's Dfns token to itself).
   */
  token?: string;
  /** Key: the key pair (non-extractable private key), for the host to keep. */
  keyPair?: CryptoKeyPair;
  /** With `recoveryKey`: its ID (show it with its code: recovery asks for both) and name. */
  recoveryKey?: RegisteredRecoveryKey;
}

/** A sign-up's or a recovery's challenge: the new credential's, and the token that authorises the completion. */
export interface RegistrationChallenge {
  /** The WebAuthn challenge of the new credential, as for any Fido2 credential. */
  challenge: Fido2CredentialChallenge;
  /** Dfns's temporary token; absent only when the host completes and its backend kept the token. */
  temporaryAuthenticationToken: string | undefined;
}

/**
 * Validates `POST /auth/registration/init`'s answer (or a recovery's: the same shape) as a Fido2-shaped
 * challenge (it has no `kind`). `hostCompletes`: the host's `completion` sends the body, so its backend
 * may keep the temporary token and relay the challenge without it; the kit's own completion needs it.
 */
export function validateRegistrationChallenge(
  value: unknown,
  { hostCompletes = false }: { hostCompletes?: boolean } = {},
): RegistrationChallenge {
  const token = hostCompletes ? optional(headerToken()) : headerToken();
  const body = checkShape(value, object({ temporaryAuthenticationToken: token }), {
    code: 'invalid-challenge',
    intro: 'The server sent an invalid registration challenge',
    phase: 'challenge',
    root: 'registration challenge',
  });
  const temporaryAuthenticationToken = body.temporaryAuthenticationToken;
  const challenge = validateFido2Challenge({
    ...body,
    kind: 'Fido2',
    // Dfns names these challenges by their temporary token; a backend that kept it leaves the kit an
    // identifier it never sends anywhere.
    challengeIdentifier: temporaryAuthenticationToken ?? 'kept by the host',
    excludeCredentials: body.excludeCredentials ?? [],
  });
  return { challenge, temporaryAuthenticationToken };
}

const TOKEN = object({ token: headerToken() });

/** Validates the sign-up's answer; `authentication` may be missing only from a host's completion. */
function validateRegistrationAnswer(
  value: unknown,
  tokenRequired: boolean,
): Omit<UserRegistrationResult, 'keyPair' | 'recoveryKey'> {
  const { credential, user, authentication } = checkShape(
    value,
    object({
      credential: object({ uuid: string(), kind: string(), name: string() }),
      user: object({ id: string(), username: string(), orgId: string() }),
      authentication: tokenRequired ? TOKEN : optional(TOKEN),
    }),
    { code: 'server', intro: 'The server sent an invalid registration answer', phase: 'submitting' },
  );
  return {
    credential: { uuid: credential.uuid, kind: credential.kind, name: credential.name },
    user: { id: user.id, username: user.username, orgId: user.orgId },
    ...(authentication && { token: authentication.token }),
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
}: RegisterUserCommonOptions): CredentialStep {
  // credkit's own ceremony needs the passkey API: `unsupported` before anything is fetched.
  const creator = ceremony ? undefined : (credentials ?? browserCredentials('ceremony'));
  return async (challenge) => {
    const chosen = ceremony ?? (browserCeremony.loaded ?? (await browserCeremony.load())).browserCreator(creator);
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

/** The recovery key's step, loaded (as the key step is) only when one is asked for. */
async function recoveryKeyStep(options: RegisterUserOptions) {
  if (!options.recoveryKey) return undefined;
  const { prepareRecoveryKey } = await import('../keys/recoveryKeyCredential.ts');
  return prepareRecoveryKey(options.recoveryKey, options.origin);
}

/**
 * Where the challenge comes from: the host's `challengeSource`, or `POST /auth/registration/init`
 * (its username checked now, before anything is fetched).
 */
function challengeSourceOf(options: RegisterUserOptions): ChallengeSource {
  if (options.challengeSource) return options.challengeSource;
  const { fetcher, orgId, registrationCode } = options;
  const body = { orgId, username: checkUsername(options.username), registrationCode };
  return ({ signal }) =>
    callFetcher(fetcher, { method: 'POST', path: '/auth/registration/init', body, signal }, 'challenge');
}

/** Who completes: the host's `completion`, or `POST /auth/registration/enduser` under the temporary token. */
function completionOf(
  options: RegisterUserOptions,
  temporaryToken: string | undefined,
): Completion<RegisterEndUserBody> {
  if (options.completion) return options.completion;
  const { fetcher } = options;
  // Without a host completion, the challenge had to carry the token (validateRegistrationChallenge).
  return (body, { signal }) =>
    callFetcher(
      fetcher,
      {
        method: 'POST',
        path: '/auth/registration/enduser',
        body,
        headers: { Authorization: `Bearer ${temporaryToken}` },
        signal,
      },
      'submitting',
    );
}

/**
 * Registers a new end user with their first credential, through the same ceremony code as
 * `registerPasskey`: `POST /auth/registration/init` (or the host's `challengeSource`) → a recovery
 * key, if asked for → passkey (or key) → `POST /auth/registration/enduser` with the temporary token
 * (or the host's `completion`) → the user, signed in.
 */
export async function registerUser(options: RegisterUserOptions): Promise<UserRegistrationResult> {
  const { signal, onPhase, kind = 'Fido2' } = options;
  // Each step needs a way to Dfns, checked before anything is fetched or made (a passkey included).
  checkHostOrFetcher(options);
  // A passkey without a name (absent or blank) gets its provider's once made (the AAGUID says which); a key is "Key".
  const givenName = checkPasskeyName(options.credentialName);
  const challengeSource = challengeSourceOf(options);
  // Chosen (and checked: no passkey API or no WebCrypto is `unsupported`) before anything is fetched.
  const createCredential = kind === 'Fido2' ? passkeyStep(options) : await keyStep(options.origin);
  const makeRecoveryKey = await recoveryKeyStep(options);
  throwIfAborted(signal, 'challenge');

  onPhase?.('challenge');
  const { challenge, temporaryAuthenticationToken } = validateRegistrationChallenge(
    await callHost(challengeSource, 'challenge', signal),
    { hostCompletes: Boolean(options.completion) },
  );
  throwIfAborted(signal, 'challenge');

  onPhase?.('ceremony');
  // Made before the passkey: a recovery key that cannot be made costs no passkey.
  const recovery = await makeRecoveryKey?.(challenge.challenge);
  throwIfAborted(signal, 'ceremony');
  const { credentialInfo, keyPair } = await createCredential(challenge);
  const credentialName = givenName ?? (kind === 'Fido2' ? await defaultPasskeyName(credentialInfo) : 'Key');
  try {
    throwIfAborted(signal, 'ceremony');
    onPhase?.('submitting');
    const body: RegisterEndUserBody = {
      firstFactorCredential: { credentialKind: kind, credentialInfo, credentialName },
      ...(recovery && { recoveryCredential: recovery.recoveryCredential }),
      wallets: [],
    };
    const complete = completionOf(options, temporaryAuthenticationToken);
    const answer = await callHost((context) => complete(body, context), 'submitting', signal);
    const registered = validateRegistrationAnswer(answer, !options.completion);
    // The passkey manager shows the new passkey under the account's name (best effort, not awaited).
    if (kind === 'Fido2') void signalCurrentUser({ ...challenge.user, rpId: options.rp.id });
    return {
      ...registered,
      ...(keyPair && { keyPair }),
      ...(recovery && { recoveryKey: recovery.recoveryKey }),
    };
  } catch (error) {
    // A passkey the server refused for good, or never got, would stay in the person's passkey manager.
    if (kind === 'Fido2') forgetRefusedPasskey(error, options.rp.id, credentialInfo.credId);
    throw error;
  }
}
