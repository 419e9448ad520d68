import { CredkitError } from './credkitError.ts';
import type {
  DfnsCredentialDescriptor,
  Fido2CredentialChallenge,
  KeyCredentialChallenge,
  KeyCredentialKind,
} from './dfnsTypes.ts';
import { createShapeReader } from './shape.ts';

const read = createShapeReader((problem) => {
  throw new CredkitError('invalid-challenge', {
    message: `The server sent an invalid registration challenge: ${problem}.`,
    phase: 'challenge',
  });
});

const BASE64URL = /^[A-Za-z0-9_-]*$/;

function readDescriptor(value: unknown, path: string): DfnsCredentialDescriptor {
  const entry = read.record(value, path);
  const id = read.string(entry.id, `${path}.id`, { minLength: 1 });
  if (!BASE64URL.test(id)) {
    throw new CredkitError('invalid-challenge', {
      message: `The server sent an invalid registration challenge: ${path}.id must be base64url.`,
      phase: 'challenge',
    });
  }
  return { type: read.oneOf(entry.type, `${path}.type`, ['public-key']), id };
}

/**
 * Validates the body of `POST /auth/credentials/init` for a Fido2 credential.
 * Unknown fields are kept; a missing or mistyped field throws `invalid-challenge` naming it.
 */
export function validateFido2Challenge(value: unknown): Fido2CredentialChallenge {
  const body = read.record(value, 'challenge response');
  read.oneOf(body.kind, 'kind', ['Fido2']);
  const user = read.record(body.user, 'user');
  const selection = read.record(body.authenticatorSelection, 'authenticatorSelection');
  const rp = body.rp === undefined ? undefined : read.record(body.rp, 'rp');
  const attachment = selection.authenticatorAttachment;

  return {
    ...body,
    kind: 'Fido2',
    user: {
      ...user,
      id: read.string(user.id, 'user.id', { minLength: 1 }),
      name: read.string(user.name, 'user.name'),
      displayName: read.string(user.displayName, 'user.displayName'),
    },
    challengeIdentifier: read.string(body.challengeIdentifier, 'challengeIdentifier', { minLength: 1 }),
    challenge: read.string(body.challenge, 'challenge', { minLength: 1 }),
    ...(rp && { rp: { id: read.string(rp.id, 'rp.id'), name: read.string(rp.name, 'rp.name') } }),
    authenticatorSelection: {
      ...(attachment !== undefined && {
        authenticatorAttachment: read.oneOf(attachment, 'authenticatorSelection.authenticatorAttachment', [
          'platform',
          'cross-platform',
        ]),
      }),
      residentKey: read.oneOf(selection.residentKey, 'authenticatorSelection.residentKey', [
        'required',
        'preferred',
        'discouraged',
      ]),
      requireResidentKey: read.boolean(selection.requireResidentKey, 'authenticatorSelection.requireResidentKey'),
      userVerification: read.oneOf(selection.userVerification, 'authenticatorSelection.userVerification', [
        'required',
        'preferred',
        'discouraged',
      ]),
    },
    attestation: read.oneOf(body.attestation, 'attestation', ['none', 'indirect', 'direct', 'enterprise']),
    pubKeyCredParams: read.array(body.pubKeyCredParams, 'pubKeyCredParams', (entry, path) => {
      const param = read.record(entry, path);
      return {
        type: read.oneOf(param.type, `${path}.type`, ['public-key']),
        alg: read.number(param.alg, `${path}.alg`),
      };
    }),
    excludeCredentials: read.array(body.excludeCredentials, 'excludeCredentials', readDescriptor),
    ...(body.temporaryAuthenticationToken !== undefined && {
      temporaryAuthenticationToken: read.string(body.temporaryAuthenticationToken, 'temporaryAuthenticationToken'),
    }),
  };
}

/**
 * Validates the body of `POST /auth/credentials/init` for a key kind (`Key`, `PasswordProtectedKey`,
 * `RecoveryKey`): the fields a key registration uses must be there; unknown fields are kept.
 */
export function validateKeyChallenge(value: unknown, kind: KeyCredentialKind): KeyCredentialChallenge {
  const body = read.record(value, 'challenge response');
  const user = read.record(body.user, 'user');
  return {
    ...body,
    kind: read.oneOf(body.kind, 'kind', [kind]),
    user: {
      ...user,
      id: read.string(user.id, 'user.id', { minLength: 1 }),
      name: read.string(user.name, 'user.name'),
      displayName: read.string(user.displayName, 'user.displayName'),
    },
    challengeIdentifier: read.string(body.challengeIdentifier, 'challengeIdentifier', { minLength: 1 }),
    challenge: read.string(body.challenge, 'challenge', { minLength: 1 }),
  } as KeyCredentialChallenge;
}
