import { describe, expect, it } from 'vitest';
import { checkShape, type Shape } from './shape.ts';

function problemOf(value: unknown, shape: Shape, name?: string): string | undefined {
  try {
    checkShape(
      value,
      shape,
      (problem) => {
        throw new Error(problem);
      },
      name,
    );
  } catch (error) {
    return (error as Error).message;
  }
  return undefined;
}

describe('checkShape', () => {
  it('should return the value itself, unknown members kept', () => {
    const value = { id: 'a', extra: [1] };
    expect(checkShape(value, { id: 's+' }, () => undefined as never)).toBe(value);
  });

  it('should name the member from the root and say what it got', () => {
    const shape: Shape = { items: [{ user: { id: 's+' }, alg: 'n' }] };
    expect(problemOf({ items: [{ user: { id: 'x' }, alg: '-7' }] }, shape)).toBe(
      'items[0].alg must be a number, got a string',
    );
    expect(problemOf({ items: [{ user: { id: '' }, alg: 1 }] }, shape)).toBe('items[0].user.id must not be empty');
    expect(problemOf({ items: {} }, shape)).toBe('items must be an array, got an object');
    expect(problemOf(null, shape, 'challenge response')).toBe('challenge response must be an object, got null');
  });

  it('should list the allowed strings of a one-of', () => {
    expect(problemOf({ kind: 'Key' }, { kind: '=Fido2|Totp' })).toBe(
      'kind must be one of "Fido2", "Totp", got a string',
    );
  });

  it('should let members marked optional be missing, and only those', () => {
    const shape: Shape = { token: 's?', rp: { '?': 1, id: 's' }, list: [{ id: 's' }, '?'], flag: 'b' };
    expect(problemOf({ flag: true }, shape)).toBeUndefined();
    expect(problemOf({}, shape)).toBe('flag must be a boolean, got missing');
    expect(problemOf({ flag: true, token: 1 }, shape)).toBe('token must be a string, got a number');
    expect(problemOf({ flag: true, rp: {} }, shape)).toBe('rp.id must be a string, got missing');
    expect(problemOf({ flag: true, list: [{}] }, shape)).toBe('list[0].id must be a string, got missing');
  });
});
