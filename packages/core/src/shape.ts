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
 * A reader of untrusted JSON that reports the first problem as `path must be …, got …`.
 * `fail` turns that text into the caller's error.
 */
export function createShapeReader(fail: (problem: string) => never) {
  const expect = (path: string, expected: string, value: unknown): never =>
    fail(`${path} must be ${expected}, got ${describeValue(value)}`);

  return {
    record(value: unknown, path: string): Record<string, unknown> {
      return isRecord(value) ? value : expect(path, 'an object', value);
    },
    string(value: unknown, path: string, { minLength = 0 } = {}): string {
      if (typeof value !== 'string') return expect(path, 'a string', value);
      if (value.length < minLength) return fail(`${path} must not be empty`);
      return value;
    },
    optionalString(value: unknown, path: string): string | undefined {
      return value === undefined ? undefined : this.string(value, path);
    },
    boolean(value: unknown, path: string): boolean {
      return typeof value === 'boolean' ? value : expect(path, 'a boolean', value);
    },
    number(value: unknown, path: string): number {
      return typeof value === 'number' && Number.isFinite(value) ? value : expect(path, 'a number', value);
    },
    oneOf<const T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
      return typeof value === 'string' && (allowed as readonly string[]).includes(value)
        ? (value as T)
        : expect(path, `one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`, value);
    },
    array<T>(value: unknown, path: string, item: (value: unknown, path: string) => T): T[] {
      if (!Array.isArray(value)) return expect(path, 'an array', value);
      return value.map((entry, index) => item(entry, `${path}[${index}]`));
    },
  };
}
