/** Describes a JSON value for an error message: `a number`, `null`, `an array`, … */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value === undefined) return 'missing';
  const type = typeof value;
  return type === 'object' ? 'an object' : `a ${type}`;
}

/** True for a plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * What {@link checkShape} expects, as data:
 * - `'s'` a string, `'s+'` a non-empty one, `'b'` a boolean, `'n'` a finite number,
 *   `'=a|b'` one of the strings `a`, `b`; a trailing `?` lets the member be missing;
 * - `[shape]` an array whose every item has that shape (`[shape, '?']` lets it be missing);
 * - `{ member: shape }` an object with those members (unknown members are kept; `'?': 1` lets it be missing).
 */
export type Shape = string | readonly [Shape] | readonly [Shape, '?'] | { readonly [member: string]: Shape | 1 };

const TYPES: Record<string, [expected: string, test: (value: unknown) => boolean]> = {
  s: ['a string', (value) => typeof value === 'string'],
  b: ['a boolean', (value) => typeof value === 'boolean'],
  n: ['a number', (value) => Number.isFinite(value)],
};

/**
 * Checks untrusted JSON against `shape` and returns it unchanged, or reports the first problem to
 * `fail` as `path must be …, got …`: members are named from the root (`user.id`, `items[0].name`),
 * the root itself as `name`.
 */
export function checkShape<T>(value: unknown, shape: Shape, fail: (problem: string) => never, name = 'response'): T {
  const check = (value: unknown, shape: Shape, path: string): void => {
    const at = path || name;
    const expect = (expected: string) => fail(`${at} must be ${expected}, got ${describeValue(value)}`);
    if (typeof shape === 'string') {
      const rule = shape.replace(/\?$/, '');
      if (value === undefined && rule !== shape) return;
      if (rule[0] === '=') {
        const allowed = rule.slice(1).split('|');
        if (!allowed.includes(value as string)) expect(`one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`);
      } else {
        const [expected, test] = TYPES[rule[0] as string] as [string, (value: unknown) => boolean];
        if (!test(value)) expect(expected);
        if (rule[1] === '+' && value === '') fail(`${at} must not be empty`);
      }
    } else if (Array.isArray(shape)) {
      if (value === undefined && shape[1]) return;
      if (!Array.isArray(value)) expect('an array');
      (value as unknown[]).forEach((item, index) => {
        check(item, shape[0], `${path}[${index}]`);
      });
    } else if (!isRecord(value)) {
      if (value !== undefined || !('?' in shape)) expect('an object');
    } else {
      // (Array.isArray does not narrow a readonly tuple out of the union: hence the cast.)
      for (const member in shape) {
        const rule = (shape as Record<string, Shape>)[member] as Shape;
        if (member !== '?') check(value[member], rule, path ? `${path}.${member}` : member);
      }
    }
  };
  check(value, shape, '');
  return value as T;
}
