import { describe, expect, it } from 'vitest';
import { CredkitError } from '../errors/credkitError.ts';
import { generateRecoveryCode, normalizeRecoveryCode, RECOVERY_CODE_BITS } from './recoveryCode.ts';

const FORMAT = /^D1-([0-9A-HJKMNP-TV-Z]{5}-){5}[0-9A-HJKMNP-TV-Z]{5}$/;

describe('generateRecoveryCode', () => {
  it('should be D1- and six groups of five unambiguous characters, with at least 128 bits', () => {
    for (let round = 0; round < 200; round += 1) {
      const code = generateRecoveryCode();
      expect(code).toMatch(FORMAT);
      expect(code.slice(3)).not.toMatch(/[ILOU]/);
    }
    expect(RECOVERY_CODE_BITS).toBeGreaterThanOrEqual(128);
  });

  it('should not repeat itself and should use the whole alphabet', () => {
    const codes = Array.from({ length: 1000 }, generateRecoveryCode);
    expect(new Set(codes).size).toBe(1000);
    const characters = new Set(codes.join('').replace(/D1-|-/g, ''));
    expect(characters.size).toBe(32);
  });
});

describe('normalizeRecoveryCode', () => {
  it('should accept what a person types: lower case, spaces, no dashes, O for 0, l for 1', () => {
    const code = 'D1-7H2QK-M9XTE-0RB4W-1ZZZZ-ABCDE-FGHJK';
    expect(normalizeRecoveryCode(code)).toBe(code);
    expect(normalizeRecoveryCode(' d1 7h2qk m9xte orb4w lzzzz abcde fghjk ')).toBe(code);
    expect(normalizeRecoveryCode('7H2QKM9XTE0RB4W1ZZZZABCDEFGHJK')).toBe(code);
    expect(normalizeRecoveryCode('D1ABCM9XTE0RB4W1ZZZZABCDEFGHJK')).toBe('D1-D1ABC-M9XTE-0RB4W-1ZZZZ-ABCDE-FGHJK');
  });

  it('should refuse what cannot be a code', () => {
    for (const input of ['', 'D1-12345', 'D1-7H2QK-M9XTE-0RB4W-1ZZZZ-ABCDE-FGHJU']) {
      expect(() => normalizeRecoveryCode(input)).toThrow(CredkitError);
      expect(() => normalizeRecoveryCode(input)).toThrow(
        expect.objectContaining({ code: 'invalid-input', field: 'recoveryCode' }),
      );
    }
  });
});
