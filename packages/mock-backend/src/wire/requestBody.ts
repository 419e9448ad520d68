import { badRequest, DfnsHttpError } from '../errors.ts';
import { parseClientJson } from './parseJson.ts';

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** How a value reads in a message: `missing`, `null`, `an array`, `an object` or `a <type>`. */
export function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Parses a request body that must be a JSON object; anything else is a 400 that says what it got. */
export function parseJsonObject(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = parseClientJson(text, 'Request body');
  } catch (error) {
    if (error instanceof DfnsHttpError) throw error;
    throw badRequest(
      text.trim() === '' ? 'Request body is empty: send a JSON object' : 'Request body is not valid JSON',
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest(`Request body must be a JSON object, got ${describe(value)}`);
  }
  return value as Record<string, unknown>;
}

/** The object at `path`, or a 400 naming it. */
export function objectField(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest(`${path} is required (an object), got ${describe(value)}`);
  }
  return value as Record<string, unknown>;
}

/** The non-empty string at `path`, or a 400 naming it. */
export function stringField(value: unknown, path: string): string {
  if (typeof value !== 'string' || value === '') {
    throw badRequest(
      `${path} is required (a non-empty string), got ${value === '' ? 'an empty string' : describe(value)}`,
    );
  }
  return value;
}

/** The unpadded base64url string at `path`, or a 400 naming it. */
export function base64urlField(value: unknown, path: string): string {
  const text = stringField(value, path);
  if (!BASE64URL.test(text)) {
    throw badRequest(`${path} is not base64url (unpadded, alphabet A-Z a-z 0-9 - _)`);
  }
  return text;
}
