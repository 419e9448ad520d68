import { describe, expect, it } from 'vitest';
import { CredkitError } from '../errors/credkitError.ts';
import {
  arrayOf,
  boolean,
  checkShape,
  nonEmptyString,
  number,
  object,
  oneOf,
  optional,
  type Shape,
  string,
} from './shape.ts';

/** The problem `checkShape` names for `value`, without the message's intro: `user.id must be …, got …`. */
function problemOf(value: unknown, shape: Shape<unknown>, root?: string): string | undefined {
  try {
    checkShape(value, shape, { code: 'server', intro: 'Bad', root });
  } catch (error) {
    return (error as CredkitError).message.replace(/^Bad: (.*)\.$/, '$1');
  }
  return undefined;
}

describe('checkShape', () => {
  it('should return the value itself, unknown members kept', () => {
    const value = { id: 'a', extra: [1] };
    expect(checkShape(value, object({ id: nonEmptyString() }), { code: 'server', intro: 'Bad' })).toBe(value);
  });

  it('should throw the CredkitError described, its message the intro and the problem', () => {
    let thrown: unknown;
    try {
      checkShape({ user: {} }, object({ user: object({ id: string() }) }), {
        code: 'invalid-challenge',
        intro: 'The server sent an invalid registration challenge',
        phase: 'challenge',
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CredkitError);
    expect(thrown).toMatchObject({
      code: 'invalid-challenge',
      phase: 'challenge',
      message: 'The server sent an invalid registration challenge: user.id must be a string, got missing.',
    });
  });

  it('should name the member from the root and say what it got', () => {
    const shape = object({ items: arrayOf(object({ user: object({ id: nonEmptyString() }), alg: number() })) });
    expect(problemOf({ items: [{ user: { id: 'x' }, alg: '-7' }] }, shape)).toBe(
      'items[0].alg must be a number, got a string',
    );
    expect(problemOf({ items: [{ user: { id: '' }, alg: 1 }] }, shape)).toBe('items[0].user.id must not be empty');
    expect(problemOf({ items: {} }, shape)).toBe('items must be an array, got an object');
    expect(problemOf(null, shape, 'challenge response')).toBe('challenge response must be an object, got null');
    expect(problemOf([1], arrayOf(string()))).toBe('[0] must be a string, got a number');
  });

  it('should call the root "response" unless given a name', () => {
    expect(problemOf('<html>', object({}))).toBe('response must be an object, got a string');
  });

  it('should report the first problem, in the order the members are listed', () => {
    const shape = object({ a: string(), b: string() });
    expect(problemOf({}, shape)).toBe('a must be a string, got missing');
    expect(problemOf({ a: 'x' }, shape)).toBe('b must be a string, got missing');
  });
});

describe('the shapes', () => {
  it('should tell each JSON type apart', () => {
    expect(problemOf({ s: 1 }, object({ s: string() }))).toBe('s must be a string, got a number');
    expect(problemOf({ b: 'true' }, object({ b: boolean() }))).toBe('b must be a boolean, got a string');
    expect(problemOf({ n: Number.NaN }, object({ n: number() }))).toBe('n must be a number, got a number');
    expect(problemOf({ o: [] }, object({ o: object({}) }))).toBe('o must be an object, got an array');
    expect(problemOf({ s: '', b: false, n: 0 }, object({ s: string(), b: boolean(), n: number() }))).toBeUndefined();
  });

  it('should list the allowed strings of a one-of', () => {
    expect(problemOf({ kind: 'Key' }, object({ kind: oneOf('Fido2', 'Totp') }))).toBe(
      'kind must be one of "Fido2", "Totp", got a string',
    );
    expect(problemOf({ kind: 'Totp' }, object({ kind: oneOf('Fido2', 'Totp') }))).toBeUndefined();
  });

  it('should let optional members be missing, and only those', () => {
    const shape = object({
      token: optional(string()),
      rp: optional(object({ id: string() })),
      list: optional(arrayOf(object({ id: string() }))),
      flag: boolean(),
    });
    expect(problemOf({ flag: true }, shape)).toBeUndefined();
    expect(problemOf({}, shape)).toBe('flag must be a boolean, got missing');
    expect(problemOf({ flag: true, token: 1 }, shape)).toBe('token must be a string, got a number');
    expect(problemOf({ flag: true, token: null }, shape)).toBe('token must be a string, got null');
    expect(problemOf({ flag: true, rp: {} }, shape)).toBe('rp.id must be a string, got missing');
    expect(problemOf({ flag: true, list: [{}] }, shape)).toBe('list[0].id must be a string, got missing');
  });
});
