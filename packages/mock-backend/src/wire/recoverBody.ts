import { isoBase64URL } from '@simplewebauthn/server/helpers';
import { badRequest } from '../errors.ts';
import { type NewCredentials, readNewCredentials } from './newCredentials.ts';
import { parseClientJson } from './parseJson.ts';
import { base64urlField, objectField, stringField } from './requestBody.ts';

/** A `POST /auth/recover/user` body whose every field has the right shape. */
export interface RecoverBody {
  assertion: { credId: string; clientData: string; signature: string };
  /** `newCredentials` exactly as sent (parsed JSON): what the recovery key signs. */
  newCredentialsJson: Record<string, unknown>;
  newCredentials: NewCredentials;
}

const ASSERTION = 'recovery.credentialAssertion';

/** Checks the shape of a `POST /auth/recover/user` body; each problem is a 400 that names the field. */
export function readRecoverBody(body: Record<string, unknown>): RecoverBody {
  const recovery = objectField(body.recovery, 'recovery');
  const kind = stringField(recovery.kind, 'recovery.kind');
  if (kind !== 'RecoveryKey') throw badRequest(`recovery.kind must be "RecoveryKey", got "${kind}"`);
  const assertion = objectField(recovery.credentialAssertion, ASSERTION);
  if (assertion.algorithm !== undefined && assertion.algorithm !== 'SHA256') {
    throw badRequest(
      `${ASSERTION}.algorithm must be "SHA256" when present, got ${JSON.stringify(assertion.algorithm)}`,
    );
  }
  const newCredentials = objectField(body.newCredentials, 'newCredentials');
  return {
    assertion: {
      credId: base64urlField(assertion.credId, `${ASSERTION}.credId`),
      clientData: base64urlField(assertion.clientData, `${ASSERTION}.clientData`),
      signature: base64urlField(assertion.signature, `${ASSERTION}.signature`),
    },
    newCredentialsJson: newCredentials,
    newCredentials: readNewCredentials(newCredentials, 'newCredentials.'),
  };
}

/** JSON with every object's keys sorted: equal for equal values, whatever the order they were written in. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Whether a recovery clientData `challenge` is what Dfns asks for: base64url of the JSON of
 * `newCredentials`. Compared as JSON values (key order and spacing do not matter), so a client that
 * serialises the same object differently from the request body still matches.
 */
export function signsNewCredentials(challenge: string, newCredentials: Record<string, unknown>): boolean {
  if (!/^[A-Za-z0-9_-]+$/.test(challenge)) return false;
  let signed: unknown;
  const text = isoBase64URL.toUTF8String(challenge);
  // Too deep is a 400 that says so (thrown through), before canonicalJson recurses into it.
  try {
    signed = parseClientJson(text, 'recovery.credentialAssertion.clientData challenge');
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return false;
  }
  return canonicalJson(signed) === canonicalJson(newCredentials);
}
