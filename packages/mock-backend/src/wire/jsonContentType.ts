import { DfnsHttpError } from '../errors.ts';

const JSON_TYPE = /^application\/json\s*(;|$)/i;
const CHARSET = /;\s*charset\s*=\s*("?)([^";\s]*)\1/i;
// JSON exchanged between systems is UTF-8 (RFC 8259 §8.1); `utf8` is the WHATWG label for the same.
const UTF8 = new Set(['utf-8', 'utf8']);

/**
 * Refuses, with a 415, a request body not declared as `application/json`, or declared in a charset
 * other than UTF-8 (`charset=utf-16` would otherwise be read as UTF-8 and verified as other bytes).
 */
export function checkJsonContentType(header: string | undefined): void {
  const type = header ?? '';
  if (!JSON_TYPE.test(type)) {
    throw new DfnsHttpError(415, `Content-Type must be application/json, got ${type ? `"${type}"` : 'none'}`);
  }
  const charset = CHARSET.exec(type)?.[2];
  if (charset !== undefined && !UTF8.has(charset.toLowerCase())) {
    throw new DfnsHttpError(415, `Content-Type charset must be utf-8 (JSON is UTF-8), got "${charset}"`);
  }
}
