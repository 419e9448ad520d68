// Checks of untrusted JSON (the server's answers), as small functions that compose:
// `object({ id: nonEmptyString(), rp: optional(object({ name: string() })) })`.
import { fromBase64url } from '../encoding/base64url.ts';
import { CredkitError, type CredkitErrorCode, type OperationRunPhase } from '../errors/credkitError.ts';
import { describeValue } from '../errors/serverValueInMessage.ts';
import { isRecord } from './isRecord.ts';

export { isRecord };

/** Where a value breaks its shape, and how: `{ at: 'user.id', problem: 'must be a string, got missing' }`. */
export interface ShapeProblem {
  /** The member, named from the root (`user.id`, `items[0].name`); `''` for the root itself. */
  at: string;
  problem: string;
}

/**
 * Checks one value at `at`: `undefined` when it fits, else the first problem found. `T` is what a
 * value that fits is, so `checkShape` returns a typed value and the compiler holds each shape to
 * the Dfns type it checks.
 */
export interface Shape<T> {
  (value: unknown, at: string): ShapeProblem | undefined;
  /** Never set: carries `T`, the type of a value that fits. */
  readonly fits?: T;
}

/** The type of a value that fits `S`. */
export type Fits<S> = S extends Shape<infer T> ? T : never;

function mismatch(at: string, expected: string, value: unknown): ShapeProblem {
  return { at, problem: `must be ${expected}, got ${describeValue(value)}` };
}

/** A string, empty or not. */
export function string(): Shape<string> {
  return (value, at) => (typeof value === 'string' ? undefined : mismatch(at, 'a string', value));
}

/** A string of at least one character. */
export function nonEmptyString(): Shape<string> {
  return (value, at) => {
    if (typeof value !== 'string') return mismatch(at, 'a string', value);
    return value === '' ? { at, problem: 'must not be empty' } : undefined;
  };
}

/**
 * A credential id the base64url codec decodes. Checked with the answer so that a wrong alphabet, or a
 * length no base64url string has (1 mod 4), is the server's error then, not a raw DOMException later.
 */
export function base64urlId(): Shape<string> {
  const nonEmpty = nonEmptyString();
  return (value, at) => {
    const problem = nonEmpty(value, at);
    if (problem) return problem;
    try {
      fromBase64url(value as string);
      return undefined;
    } catch {
      return { at, problem: 'must be base64url' };
    }
  };
}

/**
 * A token the kit sends back as `Authorization: Bearer <token>`: visible ASCII only. CR, LF, a space or
 * a non-ASCII character would make the header unusable (and `fetch` fail as if the network had), so
 * such a token is the server's fault when it arrives.
 */
export function headerToken(): Shape<string> {
  const nonEmpty = nonEmptyString();
  return (value, at) =>
    nonEmpty(value, at) ??
    (/^[\x21-\x7E]+$/.test(value as string)
      ? undefined
      : { at, problem: 'must be visible ASCII characters only (it is sent in an HTTP header)' });
}

/** `true` or `false`. */
export function boolean(): Shape<boolean> {
  return (value, at) => (typeof value === 'boolean' ? undefined : mismatch(at, 'a boolean', value));
}

/** A finite number. */
export function number(): Shape<number> {
  return (value, at) => (Number.isFinite(value) ? undefined : mismatch(at, 'a number', value));
}

/** One of the given strings. */
export function oneOf<const T extends string>(...allowed: T[]): Shape<T> {
  const list = allowed.map((item) => JSON.stringify(item)).join(', ');
  return (value, at) =>
    typeof value === 'string' && (allowed as string[]).includes(value)
      ? undefined
      : mismatch(at, `one of ${list}`, value);
}

/** `shape`, or missing. */
export function optional<T>(shape: Shape<T>): Shape<T | undefined> {
  return (value, at) => (value === undefined ? undefined : shape(value, at));
}

/** An array whose every item is `item`. */
export function arrayOf<T>(item: Shape<T>): Shape<T[]> {
  return (value, at) => {
    if (!Array.isArray(value)) return mismatch(at, 'an array', value);
    for (const [index, element] of value.entries()) {
      const problem = item(element, `${at}[${index}]`);
      if (problem) return problem;
    }
    return undefined;
  };
}

/** An object with these members, checked in this order. Members not listed are allowed (and kept). */
export function object<M extends Record<string, Shape<unknown>>>(
  members: M,
): Shape<{ [K in keyof M]: Fits<M[K]> } & Record<string, unknown>> {
  return (value, at) => {
    if (!isRecord(value)) return mismatch(at, 'an object', value);
    for (const [name, member] of Object.entries(members)) {
      const problem = member(value[name], at === '' ? name : `${at}.${name}`);
      if (problem) return problem;
    }
    return undefined;
  };
}

/** The CredkitError {@link checkShape} throws for a value that does not fit. */
export interface ShapeError {
  code: Extract<CredkitErrorCode, 'invalid-challenge' | 'server'>;
  /** What the message starts with, e.g. `The server sent an invalid registration challenge`. */
  intro: string;
  phase?: OperationRunPhase;
  /** What the message calls the value itself. @defaultValue "response" */
  root?: string;
}

/**
 * Checks untrusted JSON against `shape` and returns it unchanged. A value that does not fit throws
 * the CredkitError `error` describes, naming the first problem: `<intro>: user.id must be a string, got missing.`
 */
export function checkShape<T>(value: unknown, shape: Shape<T>, error: ShapeError): T {
  const found = shape(value, '');
  if (found) {
    const problem = `${found.at || (error.root ?? 'response')} ${found.problem}`;
    throw new CredkitError(error.code, { message: `${error.intro}: ${problem}.`, phase: error.phase });
  }
  return value as T;
}
