import { CredkitError } from './credkitError.ts';
import type { CreateCredentialResponse, CredentialKind, ListCredentialsResponse } from './dfnsTypes.ts';
import { createShapeReader } from './shape.ts';

const CREDENTIAL_KINDS: readonly CredentialKind[] = [
  'Fido2',
  'Key',
  'Password',
  'Totp',
  'RecoveryKey',
  'PasswordProtectedKey',
];

function readerFor(what: string) {
  return createShapeReader((problem) => {
    throw new CredkitError('server', { message: `The server's ${what} is not usable: ${problem}.` });
  });
}

function readCredential(read: ReturnType<typeof readerFor>, value: unknown, path: string): CreateCredentialResponse {
  const body = read.record(value, path);
  const at = (field: string) => (path === '' ? field : `${path}.${field}`);
  return {
    ...body,
    kind: read.oneOf(body.kind, at('kind'), CREDENTIAL_KINDS),
    credentialId: read.string(body.credentialId, at('credentialId'), { minLength: 1 }),
    credentialUuid: read.string(body.credentialUuid, at('credentialUuid'), { minLength: 1 }),
    dateCreated: read.string(body.dateCreated, at('dateCreated')),
    isActive: read.boolean(body.isActive, at('isActive')),
    name: read.string(body.name, at('name')),
    publicKey: read.string(body.publicKey, at('publicKey')),
    relyingPartyId: read.string(body.relyingPartyId, at('relyingPartyId')),
    origin: read.string(body.origin, at('origin')),
  };
}

/** Validates the answer of `POST /auth/credentials`; a malformed one throws `server` naming the field. */
export function validateCreateCredentialResponse(value: unknown): CreateCredentialResponse {
  return readCredential(readerFor('new credential'), value, '');
}

/** Validates the answer of `GET /auth/credentials`. */
export function validateListCredentialsResponse(value: unknown): ListCredentialsResponse {
  const read = readerFor('credential list');
  const body = read.record(value, 'response');
  return { items: read.array(body.items, 'items', (entry, path) => readCredential(read, entry, path)) };
}
