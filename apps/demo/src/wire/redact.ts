// What the wire panel may show: the protocol, never what would let someone act as the user.

/** What a secret is replaced with. */
export const REDACTED = '[redacted]';

/** Headers that carry a credential: the bearer token, the user-action token, cookies. */
const SECRET_HEADERS = new Set(['authorization', 'x-dfns-useraction', 'cookie', 'set-cookie', 'proxy-authorization']);

/**
 * JSON keys whose value is a secret: tokens (`token`, `temporaryAuthenticationToken`, `userAction`),
 * passwords, encrypted keys (`encryptedPrivateKey`, `encryptedRecoveryKey`), private keys, and every
 * code (`code`, `registrationCode`, `loginCode`, `verificationCode`, `recoveryCode`, an `otpUrl`).
 * Not `userActionPayload`: the body a user action signs is the protocol itself (its secrets are redacted inside).
 */
const SECRET_KEY = /token|password|secret|encrypted|private|otp|^userAction$|codes?$/i;

/** True for a JSON key (or query parameter) whose value is a secret. */
export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/** Headers as `[name, value]` pairs, with credentials replaced (the `Bearer` scheme kept: it says what was sent). */
export function redactHeaders(headers: Headers): [string, string][] {
  const pairs: [string, string][] = [];
  headers.forEach((value, name) => {
    if (!SECRET_HEADERS.has(name)) pairs.push([name, value]);
    else {
      const scheme = /^(\w+)\s+\S/.exec(value)?.[1];
      pairs.push([name, scheme ? `${scheme} ${REDACTED}` : REDACTED]);
    }
  });
  return pairs;
}

/**
 * A JSON value with every secret key's value replaced, at any depth (a secret object is replaced
 * whole). A string that holds a JSON object (`userActionPayload`: the body being signed) is redacted
 * inside, and stays a string.
 */
export function redactJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactJson);
  if (typeof value === 'string') return redactJsonString(value);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      isSecretKey(key) && inner !== null && inner !== undefined && inner !== '' ? REDACTED : redactJson(inner),
    ]),
  );
}

function redactJsonString(text: string): string {
  if (!/^\s*[[{]/.test(text)) return text;
  try {
    return JSON.stringify(redactJson(JSON.parse(text)));
  } catch {
    return text;
  }
}

/** A request or response body as the panel shows it. */
export type ShownBody = { kind: 'none' } | { kind: 'json'; value: unknown } | { kind: 'opaque'; bytes: number };

/**
 * A body's text, redacted: JSON with its secrets replaced; anything else is not shown at all (only its
 * size), since the panel cannot tell what in it is secret.
 */
export function redactBody(text: string | undefined): ShownBody {
  if (text === undefined || text.trim() === '') return { kind: 'none' };
  try {
    return { kind: 'json', value: redactJson(JSON.parse(text)) };
  } catch {
    return { kind: 'opaque', bytes: new TextEncoder().encode(text).length };
  }
}

/** A path with the values of secret query parameters replaced: `/x?code=ab&user=a` → `/x?code=[redacted]&user=a`. */
export function redactPath(path: string): string {
  const query = path.indexOf('?');
  if (query === -1) return path;
  const params = path
    .slice(query + 1)
    .split('&')
    .map((param) => {
      const [key = '', ...rest] = param.split('=');
      const name = safeDecode(key);
      return rest.length > 0 && isSecretKey(name) ? `${key}=${REDACTED}` : param;
    });
  return `${path.slice(0, query)}?${params.join('&')}`;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}
