import type { CreateCredentialResponse } from '../dfns/dfnsTypes.ts';
import { isRecord } from '../dfns/isRecord.ts';
import { fromBase64url, toBase64url, utf8 } from '../encoding/base64url.ts';

/**
 * The WebAuthn Signal API (Chrome 132+, Safari 26), not in TypeScript's DOM library yet (5.9):
 * each method tells the passkey manager what the relying party knows, so it can hide a passkey the
 * server no longer accepts or show the account's current name.
 */
interface SignalApi {
  signalUnknownCredential?: (options: { rpId: string; credentialId: string }) => Promise<void>;
  signalAllAcceptedCredentials?: (options: {
    rpId: string;
    userId: string;
    allAcceptedCredentialIds: string[];
  }) => Promise<void>;
  signalCurrentUserDetails?: (options: {
    rpId: string;
    userId: string;
    name: string;
    displayName: string;
  }) => Promise<void>;
}

/** Who a signal is about: the Dfns user, as the registration challenge's `user` names them. */
export interface PasskeySignalUser {
  /** The Dfns user id (`us-…`): the passkeys' user handle is its UTF-8 bytes, as in the registration challenge. */
  id: string;
  /** The relying party the passkeys were made for. @defaultValue the page's host name */
  rpId?: string | undefined;
}

/** The Signal API method `name`, bound, when the browser has it and the relying party is known. */
function signalMethod<TName extends keyof SignalApi>(
  name: TName,
  rpId: string | undefined,
): { method: NonNullable<SignalApi[TName]>; rpId: string } | undefined {
  const api = globalThis.PublicKeyCredential as SignalApi | undefined;
  const relyingParty = rpId ?? (typeof location === 'undefined' ? undefined : location.hostname);
  const method = api?.[name];
  if (typeof method !== 'function' || relyingParty === undefined || relyingParty === '') return undefined;
  return { method: method.bind(api) as NonNullable<SignalApi[TName]>, rpId: relyingParty };
}

/**
 * Sends one signal, best effort: the operation that asked for it has already succeeded (or failed
 * for its own reason), so a browser that refuses the signal (a `SecurityError` for an rpId the page
 * may not use, a broken extension) changes nothing. Resolves with whether the browser took it.
 */
async function send(call: () => Promise<void>): Promise<boolean> {
  try {
    await call();
    return true;
  } catch {
    return false;
  }
}

/** The user handle of a Dfns user's passkeys, base64url: the UTF-8 bytes of the user id (see `toCreationOptionsJSON`). */
export function toUserHandle(userId: string): string {
  return toBase64url(utf8(userId));
}

/**
 * `signalUnknownCredential`: the passkey `credentialId` (base64url) signs in nowhere. Nothing where
 * unsupported. Kept apart from the other signals' shared helper: it is on every registration's path,
 * and this is its smallest form.
 */
export function signalUnknownPasskey(rpId: string | undefined, credentialId: string): void {
  const api = globalThis.PublicKeyCredential as SignalApi | undefined;
  const relyingParty = rpId ?? (typeof location === 'undefined' ? undefined : location.hostname);
  if (typeof api?.signalUnknownCredential !== 'function' || relyingParty === undefined) return;
  api.signalUnknownCredential({ rpId: relyingParty, credentialId }).catch(() => undefined);
}

/**
 * The credentials of `credentials` that the server accepts for passkey sign-in at `rpId`: the
 * active Fido2 ones made for it (a deactivated passkey, a key, a recovery key is not accepted).
 * `undefined` when the list says nothing of this relying party (no Fido2 credential made for it,
 * active or not): the list may come from another configuration, and signalling an empty list would
 * hide every passkey of the user.
 */
export function acceptedPasskeyIds(
  credentials: readonly CreateCredentialResponse[],
  rpId: string,
): string[] | undefined {
  const passkeys = credentials.filter(
    (credential) => credential.kind === 'Fido2' && credential.relyingPartyId === rpId,
  );
  if (passkeys.length === 0) return undefined;
  return passkeys.filter((credential) => credential.isActive).map((credential) => credential.credentialId);
}

/**
 * `signalAllAcceptedCredentials` with the user's active passkeys (of the full credential list, as
 * `GET /auth/credentials` gives it): the passkey manager hides the user's other passkeys of this
 * site (deactivated, archived by a recovery), and shows them again once accepted. Nothing where
 * unsupported, nor when the list has no passkey of this relying party. Resolves with whether the
 * browser took the signal.
 */
export function signalAcceptedPasskeys(
  credentials: readonly CreateCredentialResponse[],
  user: PasskeySignalUser,
): Promise<boolean> {
  const signal = signalMethod('signalAllAcceptedCredentials', user.rpId);
  if (!signal) return Promise.resolve(false);
  const accepted = acceptedPasskeyIds(credentials, signal.rpId);
  if (!accepted) return Promise.resolve(false);
  return signalAcceptedPasskeyIds(accepted, { id: user.id, rpId: signal.rpId });
}

/**
 * `signalAllAcceptedCredentials` with exactly `credentialIds` (base64url), when the kit knows they
 * are all the user has, e.g. the one passkey a recovery left. Nothing where unsupported.
 */
export function signalAcceptedPasskeyIds(credentialIds: readonly string[], user: PasskeySignalUser): Promise<boolean> {
  const signal = signalMethod('signalAllAcceptedCredentials', user.rpId);
  if (!signal) return Promise.resolve(false);
  return send(() =>
    signal.method({
      rpId: signal.rpId,
      userId: toUserHandle(user.id),
      allAcceptedCredentialIds: [...credentialIds],
    }),
  );
}

/**
 * `signalCurrentUserDetails`: the passkey manager shows the user's passkeys of this site under
 * `name` (and `displayName`, the name when absent), as after a sign-up or a sign-in. Nothing where
 * unsupported.
 */
export function signalCurrentUser(
  user: PasskeySignalUser & { name: string; displayName?: string | undefined },
): Promise<boolean> {
  const signal = signalMethod('signalCurrentUserDetails', user.rpId);
  if (!signal) return Promise.resolve(false);
  return send(() =>
    signal.method({
      rpId: signal.rpId,
      userId: toUserHandle(user.id),
      name: user.name,
      displayName: user.displayName ?? user.name,
    }),
  );
}

/** The claims of a Dfns user token credkit reads: `https://custom/app_metadata.userId` and `https://custom/username`. */
const APP_METADATA = 'https://custom/app_metadata';
const USERNAME = 'https://custom/username';

/**
 * The signed-in user of a Dfns token (a JWT): its `https://custom/app_metadata` `userId`, and the
 * `https://custom/username` claim where the token has one. `undefined` for anything else (an opaque
 * token, a service account's token without a user). Reads the claims only: it verifies nothing.
 */
export function userFromToken(token: string): { id: string; username?: string } | undefined {
  const payload = token.split('.')[1];
  if (payload === undefined) return undefined;
  let claims: unknown;
  try {
    claims = JSON.parse(new TextDecoder().decode(fromBase64url(payload)));
  } catch {
    return undefined;
  }
  if (!isRecord(claims)) return undefined;
  const metadata = claims[APP_METADATA];
  const id = isRecord(metadata) ? metadata.userId : undefined;
  if (typeof id !== 'string' || id === '') return undefined;
  const username = claims[USERNAME];
  return typeof username === 'string' && username !== '' ? { id, username } : { id };
}
