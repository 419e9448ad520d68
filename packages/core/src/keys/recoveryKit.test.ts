import { describe, expect, it } from 'vitest';
import { CredkitError } from '../errors/credkitError.ts';
import { formatRecoveryKit, MAX_RECOVERY_KIT_LENGTH, parseRecoveryKit, type RecoveryKit } from './recoveryKit.ts';

const KIT: RecoveryKit = {
  site: 'example.com',
  username: 'alice@example.com',
  credentialName: 'Recovery key',
  credentialId: 'q1Vn0Z4b3y_-Xo2rM8kqTqL5D1wz0hYpA9cU7eS6fGk',
  recoveryCode: 'D1-7H2QK-M9XTE-0RB4W-1ZZZZ-ABCDE-FGHJK',
};

function failure(text: string): CredkitError {
  try {
    parseRecoveryKit(text);
  } catch (error) {
    if (error instanceof CredkitError) return error;
    throw error;
  }
  throw new Error('parseRecoveryKit accepted it');
}

describe('formatRecoveryKit', () => {
  it('should write a title, the note and one English line per part', () => {
    expect(formatRecoveryKit(KIT, 'Keep it offline.')).toBe(
      [
        'Recovery kit: example.com',
        '',
        'Keep it offline.',
        '',
        'Site: example.com',
        'Username: alice@example.com',
        'Recovery key name: Recovery key',
        `Recovery key ID: ${KIT.credentialId}`,
        `Recovery code: ${KIT.recoveryCode}`,
        '',
      ].join('\n'),
    );
  });

  it('should leave out the parts it does not have, and keep a value on its line', () => {
    const text = formatRecoveryKit({ credentialId: 'abc', recoveryCode: KIT.recoveryCode, username: 'a\nSite: evil' });
    expect(text).toBe(
      `Recovery kit\n\nUsername: a Site: evil\nRecovery key ID: abc\nRecovery code: ${KIT.recoveryCode}\n`,
    );
    expect(parseRecoveryKit(text).site).toBeUndefined();
  });
});

describe('parseRecoveryKit', () => {
  it('should read back what formatRecoveryKit wrote', () => {
    expect(parseRecoveryKit(formatRecoveryKit(KIT, 'Note: keep it safe.'))).toEqual(KIT);
  });

  it('should read the two lines pasted alone, in any order and case, with Windows line ends', () => {
    const text = `recovery CODE:  d1 7h2qk m9xte orb4w lzzzz abcde fghjk \r\nRECOVERY KEY ID: ${KIT.credentialId}\r\n`;
    expect(parseRecoveryKit(text)).toEqual({ credentialId: KIT.credentialId, recoveryCode: KIT.recoveryCode });
  });

  it('should accept a line repeated with the same value', () => {
    const text = `${formatRecoveryKit(KIT)}Recovery code: ${KIT.recoveryCode}\n`;
    expect(parseRecoveryKit(text).recoveryCode).toBe(KIT.recoveryCode);
  });

  describe('a malformed kit', () => {
    it.each([
      [
        'no kit at all',
        'Hello, this is a shopping list.',
        /is not a recovery kit: it has no “Recovery key ID” and no “Recovery code” line/,
      ],
      ['no ID', `Recovery code: ${KIT.recoveryCode}`, /has no “Recovery key ID” line/],
      ['no code', `Recovery key ID: ${KIT.credentialId}`, /has no “Recovery code” line/],
      [
        'an ID that is not base64url',
        `Recovery key ID: not an id!\nRecovery code: ${KIT.recoveryCode}`,
        /“Recovery key ID” is not an ID/,
      ],
      [
        'a code cut short',
        `Recovery key ID: abc\nRecovery code: D1-7H2QK-M9XTE`,
        /“Recovery code” is not a recovery code/,
      ],
      [
        'two different codes',
        `${formatRecoveryKit(KIT)}Recovery code: D1-00000-00000-00000-00000-00000-00000`,
        /two different “Recovery code” lines/,
      ],
    ])('should refuse %s with a readable invalid-input error', (_, text, message) => {
      const error = failure(text);
      expect(error.code).toBe('invalid-input');
      expect(error.field).toBe('recoveryKit');
      expect(error.message).toMatch(message);
    });

    it('should refuse text far longer than a kit without reading it', () => {
      const error = failure(`${formatRecoveryKit(KIT)}${'x'.repeat(MAX_RECOVERY_KIT_LENGTH)}`);
      expect(error.message).toMatch(/too long to be a recovery kit/);
    });

    it('should keep the code check as the cause of a malformed code', () => {
      const error = failure('Recovery key ID: abc\nRecovery code: nope');
      expect(error.cause).toBeInstanceOf(CredkitError);
    });
  });
});
