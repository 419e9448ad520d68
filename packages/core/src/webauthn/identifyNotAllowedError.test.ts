import { describe, expect, it } from 'vitest';
import { identifyNotAllowedError } from './identifyNotAllowedError.ts';

describe('identifyNotAllowedError', () => {
  it('should say cancelled well before the timeout (a person dismissed the prompt)', () => {
    expect(identifyNotAllowedError(60_000, 1_500)).toBe('cancelled');
    expect(identifyNotAllowedError(60_000, 56_999)).toBe('cancelled');
  });

  it('should say timed-out from 95% of the timeout on (browsers fire it a little early or late)', () => {
    expect(identifyNotAllowedError(60_000, 57_000)).toBe('timed-out');
    expect(identifyNotAllowedError(60_000, 60_003)).toBe('timed-out');
  });

  it('should say cancelled when the ceremony had no timeout', () => {
    expect(identifyNotAllowedError(undefined, 600_000)).toBe('cancelled');
  });
});
