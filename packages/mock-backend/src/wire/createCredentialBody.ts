import { MAX_NAME_LENGTH } from '@credkit/names';
import { badRequest } from '../errors.ts';
import { nameField } from './nameField.ts';
import { base64urlField, objectField, stringField } from './requestBody.ts';

/** The kinds of credential `POST /auth/credentials` accepts. */
export const REGISTRABLE_KINDS = ['Fido2', 'Key', 'PasswordProtectedKey', 'RecoveryKey'] as const;
/** A kind of credential `POST /auth/credentials` accepts. */
export type RegistrableKind = (typeof REGISTRABLE_KINDS)[number];
/** Every kind Dfns knows, registrable here or not. */
export const CREDENTIAL_KINDS = [...REGISTRABLE_KINDS, 'Password', 'Totp'];

/**
 * The longest credential id, in bytes: WebAuthn's limit (§7.1, `credentialIdLength` at most 1023),
 * applied to every kind, key kinds included, whose ids the client picks freely.
 */
export const MAX_CREDENTIAL_ID_BYTES = 1023;
/** {@link MAX_CREDENTIAL_ID_BYTES} as unpadded base64url characters. */
const MAX_CREDENTIAL_ID_LENGTH = Math.ceil((MAX_CREDENTIAL_ID_BYTES * 4) / 3);
/** The longest `encryptedPrivateKey` the mock stores. */
export const MAX_ENCRYPTED_PRIVATE_KEY_LENGTH = 16 * 1024;

/** A `POST /auth/credentials` body whose every field has the right shape. */
export interface CreateCredentialBody {
  challengeIdentifier: string;
  credentialName: string;
  credentialKind: RegistrableKind;
  credentialInfo: { credId: string; clientData: string; attestationData: string };
  encryptedPrivateKey: string | undefined;
}

/** Reads a kind field: one Dfns knows and this mock registers, else a 400 that says which. */
export function registrableKind(value: unknown, field: string): RegistrableKind {
  const kind = stringField(value, field);
  if (!CREDENTIAL_KINDS.includes(kind)) {
    throw badRequest(`${field} must be one of ${CREDENTIAL_KINDS.join(', ')}, got "${kind}"`);
  }
  if (!(REGISTRABLE_KINDS as readonly string[]).includes(kind)) {
    throw badRequest(`${field} ${kind} cannot be registered here (Dfns has deprecated it)`);
  }
  return kind as RegistrableKind;
}

/** The three base64url fields of a `credentialInfo` object at `path`; each problem is a 400 that names it. */
export function readCredentialInfo(
  info: Record<string, unknown>,
  path: string,
): CreateCredentialBody['credentialInfo'] {
  const credId = base64urlField(info.credId, `${path}.credId`);
  if (credId.length > MAX_CREDENTIAL_ID_LENGTH) {
    throw badRequest(
      `${path}.credId is too long (${credId.length} characters, at most ${MAX_CREDENTIAL_ID_LENGTH}: ${MAX_CREDENTIAL_ID_BYTES} bytes)`,
    );
  }
  return {
    credId,
    clientData: base64urlField(info.clientData, `${path}.clientData`),
    attestationData: base64urlField(info.attestationData, `${path}.attestationData`),
  };
}

/**
 * `encryptedPrivateKey` (at `path`) for a kind: required, optional or refused; standard base64 of
 * bounded size.
 */
export function readEncryptedPrivateKey(
  value: unknown,
  kind: RegistrableKind,
  path = 'encryptedPrivateKey',
): string | undefined {
  if (value === undefined) {
    if (kind === 'PasswordProtectedKey') throw badRequest(`${path} is required for a PasswordProtectedKey`);
    return undefined;
  }
  if (kind !== 'PasswordProtectedKey' && kind !== 'RecoveryKey') {
    throw badRequest(`${path} is only accepted for PasswordProtectedKey and RecoveryKey`);
  }
  const text = stringField(value, path);
  if (text.length > MAX_ENCRYPTED_PRIVATE_KEY_LENGTH || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) {
    throw badRequest(`${path} must be standard base64 of at most ${MAX_ENCRYPTED_PRIVATE_KEY_LENGTH} characters`);
  }
  return text;
}

/** Checks the shape of a `POST /auth/credentials` body; each problem is a 400 that names the field. */
export function readCreateCredentialBody(body: Record<string, unknown>): CreateCredentialBody {
  const challengeIdentifier = stringField(body.challengeIdentifier, 'challengeIdentifier');
  const credentialName = nameField(body.credentialName, 'credentialName', 'credentialName');
  const credentialKind = registrableKind(body.credentialKind, 'credentialKind');
  const info = objectField(body.credentialInfo, 'credentialInfo');
  return {
    challengeIdentifier,
    credentialName,
    credentialKind,
    credentialInfo: readCredentialInfo(info, 'credentialInfo'),
    encryptedPrivateKey: readEncryptedPrivateKey(body.encryptedPrivateKey, credentialKind),
  };
}

/** The first factor of a user registration (`firstFactorCredential`), every field checked. */
export interface FirstFactorCredential {
  credentialKind: 'Fido2' | 'Key' | 'PasswordProtectedKey';
  credentialInfo: CreateCredentialBody['credentialInfo'];
  credentialName: string | undefined;
  encryptedPrivateKey: string | undefined;
}

/** An optional `credentialName` of a registration or a recovery, checked as every credential name is. */
export function readCredentialName(value: unknown, path: string): string | undefined {
  return value === undefined ? undefined : nameField(value, path, 'credentialName');
}

/**
 * The name of a first factor or recovery credential sent without one, `${what} of ${username}`, cut
 * (with "…") to the credential-name cap: a long username must not make a name longer than any
 * credential may be given.
 */
export function defaultCredentialName(what: string, username: string): string {
  const name = [...`${what} of ${username}`];
  const max = MAX_NAME_LENGTH.credentialName;
  return name.length <= max ? name.join('') : `${name.slice(0, max - 1).join('')}…`;
}

/** Checks `firstFactorCredential` of `POST /auth/registration(/enduser)` (or of a recovery's `newCredentials`, at `path`). */
export function readFirstFactorCredential(
  body: Record<string, unknown>,
  path = 'firstFactorCredential',
): FirstFactorCredential {
  const first = objectField(body.firstFactorCredential, path);
  const kind = registrableKind(first.credentialKind, `${path}.credentialKind`);
  if (kind === 'RecoveryKey') throw badRequest(`${path}.credentialKind RecoveryKey cannot be a first factor`);
  const info = objectField(first.credentialInfo, `${path}.credentialInfo`);
  const name = readCredentialName(first.credentialName, `${path}.credentialName`);
  return {
    credentialKind: kind,
    credentialInfo: readCredentialInfo(info, `${path}.credentialInfo`),
    credentialName: name,
    encryptedPrivateKey: readEncryptedPrivateKey(first.encryptedPrivateKey, kind, `${path}.encryptedPrivateKey`),
  };
}
