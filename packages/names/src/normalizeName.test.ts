import { describe, expect, it } from 'vitest';
import { MAX_NAME_LENGTH, normalizeName, usernameKey } from './normalizeName.ts';

const refused = (problem: RegExp) => ({ ok: false, problem: expect.stringMatching(problem) });

describe('normalizeName', () => {
  it('should return the name NFC-normalised and trimmed', () => {
    expect(normalizeName('  Cafe\u0301 laptop \n', 'credentialName')).toEqual({ ok: true, name: 'Caf\u00e9 laptop' });
    expect(normalizeName('ada@example.com', 'username')).toEqual({ ok: true, name: 'ada@example.com' });
  });

  it('should keep scripts, emoji and joined emoji, which are visible', () => {
    for (const name of ['שלום', 'مفتاح', '日本語のキー', '🔑', '👩‍💻 work', 'Ada\u200B Lovelace']) {
      expect(normalizeName(name, 'credentialName')).toEqual({ ok: true, name });
    }
  });

  it.each(['', '   ', '\u3000', '\u00a0\ufeff'])('should refuse a blank name (%j)', (text) => {
    expect(normalizeName(text, 'credentialName')).toEqual(refused(/^must not be blank$/));
  });

  it.each([
    ['NUL', 'a\u0000b'],
    ['BEL', 'a\u0007b'],
    ['ESC', 'a\u001b[31mred'],
    ['a newline', 'line\nbreak'],
    ['a carriage return', 'line\rbreak'],
    ['a tab', 'a\tb'],
    ['DEL', 'a\u007fb'],
    ['a C1 control (NEL)', 'a\u0085b'],
    ['a C1 control (CSI)', 'a\u009bb'],
  ])('should refuse %s', (_what, text) => {
    expect(normalizeName(text, 'credentialName')).toEqual(refused(/^must not contain control characters/));
  });

  it.each([
    ['RLO', 'Bank\u202Eyek-ssap'],
    ['LRE', 'a\u202Ab'],
    ['PDF', 'a\u202Cb'],
    ['LRI', 'a\u2066b'],
    ['RLI', 'a\u2067b'],
    ['FSI', 'a\u2068b'],
    ['PDI', 'a\u2069b'],
    ['LRM', 'a\u200Eb'],
    ['RLM', 'a\u200Fb'],
    ['ALM', 'a\u061Cb'],
  ])('should refuse the bidi control %s', (_what, text) => {
    expect(normalizeName(text, 'username')).toEqual(refused(/^must not contain bidirectional control characters/));
  });

  it.each([
    ['zero-width spaces', '\u200B\u200B\u200B'],
    ['joiners', '\u200C\u200D'],
    ['a word joiner and a soft hyphen', '\u2060\u00AD'],
    ['a variation selector', '\uFE0F'],
    ['a Hangul filler', '\u3164'],
    ['zero-width between spaces', ' \u200B '],
  ])('should refuse a name of nothing visible: %s', (_what, text) => {
    expect(normalizeName(text, 'credentialName')).toEqual(refused(/^must contain a visible character$/));
  });

  it('should refuse lone surrogates, and keep a surrogate pair', () => {
    expect(normalizeName('a\uD800b', 'credentialName')).toEqual(refused(/unpaired UTF-16 surrogates/));
    expect(normalizeName('a\uDC00', 'credentialName')).toEqual(refused(/unpaired UTF-16 surrogates/));
    expect(normalizeName('\uD83D\uDD11', 'credentialName')).toEqual({ ok: true, name: '🔑' });
  });

  it('should count code points after NFC, not UTF-16 units', () => {
    // 256 emoji are 512 UTF-16 units and 256 characters.
    expect(normalizeName('🔑'.repeat(256), 'credentialName')).toEqual({ ok: true, name: '🔑'.repeat(256) });
    // 256 decomposed "é" are 512 code points as typed, 256 after NFC.
    expect(normalizeName('e\u0301'.repeat(256), 'credentialName')).toEqual({ ok: true, name: '\u00e9'.repeat(256) });
    expect(normalizeName('🔑'.repeat(257), 'credentialName')).toEqual(
      refused(/^is too long \(257 characters, at most 256\)$/),
    );
  });

  it('should cap credential names at 256 and usernames at 254 characters', () => {
    expect(MAX_NAME_LENGTH).toEqual({ credentialName: 256, username: 254 });
    expect(normalizeName('a'.repeat(254), 'username').ok).toBe(true);
    expect(normalizeName('a'.repeat(255), 'username')).toEqual(
      refused(/^is too long \(255 characters, at most 254\)$/),
    );
    expect(normalizeName('a'.repeat(60_000), 'username')).toEqual(refused(/^is too long \(60000 characters/));
  });
});

describe('normalizeName for usernames: no look-alikes', () => {
  it.each([
    ['a zero-width space', 'ali\u200Bce@example.com', '200B'],
    ['a soft hyphen', 'ali\u00ADce', '00AD'],
    ['a word joiner', 'ali\u2060ce', '2060'],
    ['a zero-width joiner', 'ali\u200Dce', '200D'],
    ['a BOM inside', 'ali\uFEFFce', 'FEFF'],
    ['a variation selector', 'alice\uFE0F@example.com', 'FE0F'],
    ['a Hangul filler', 'ali\u3164ce', '3164'],
    ['a halfwidth Hangul filler, folded to U+1160', 'ali\uFFA0ce', '1160'],
    ['a tag character', 'alice\u{E0041}', 'E0041'],
    ['an Arabic number sign (Cf)', 'alice\u0600', '0600'],
    ['an interlinear annotation anchor (Cf)', 'ali\uFFF9ce', 'FFF9'],
  ])('should refuse %s inside a username', (_what, text, code) => {
    expect(normalizeName(text, 'username')).toEqual(
      refused(new RegExp(`^must not contain invisible or format characters \\(U\\+${code}\\)$`)),
    );
  });

  it('should keep those in a credential name, which is a label and may hold emoji', () => {
    for (const name of ['ali\u200Bce', 'ali\u00ADce', '👩\u200D💻', '❤\uFE0F', 'ａlice']) {
      expect(normalizeName(name, 'credentialName')).toEqual({ ok: true, name });
    }
  });

  it('should fold fullwidth and halfwidth forms to their usual width (RFC 8265 width mapping)', () => {
    expect(normalizeName('ａlice@example.com', 'username')).toEqual({ ok: true, name: 'alice@example.com' });
    expect(normalizeName('ＡＬＩＣＥ＠ｅｘａｍｐｌｅ．ｃｏｍ', 'username')).toEqual({
      ok: true,
      name: 'ALICE@example.com',
    });
    // Halfwidth katakana, with a voiced sound mark that composes: ｶﾞ is ガ.
    expect(normalizeName('ｶﾞｲ', 'username')).toEqual({ ok: true, name: 'ガイ' });
    // Halfwidth Hangul letters go as far as NFKC takes them: to conjoining jamo, which compose.
    expect(normalizeName('\uFFA1\uFFC2', 'username')).toEqual({ ok: true, name: '\uAC00' });
    // An ideographic space is a space: trimmed at the ends, kept inside.
    expect(normalizeName('\u3000ada\u3000lovelace\u3000', 'username')).toEqual({ ok: true, name: 'ada lovelace' });
    // Every other space is a space too (RFC 8266): no-break, narrow no-break, thin, em.
    expect(normalizeName('ada\u00A0lovelace\u202F\u2009\u2003', 'username')).toEqual({
      ok: true,
      name: 'ada lovelace',
    });
    // Compatibility forms that are not width forms stay (ﬁ, ①): PRECIS maps widths only.
    expect(normalizeName('\uFB01ona\u2460', 'username')).toEqual({ ok: true, name: '\uFB01ona\u2460' });
  });

  it('should say "must contain a visible character" of a username of nothing visible', () => {
    expect(normalizeName('\u200B\u2060', 'username')).toEqual(refused(/^must contain a visible character$/));
  });
});

describe('usernameKey', () => {
  it('should make one key of a username and its look-alikes', () => {
    const key = usernameKey('alice@example.com');
    for (const lookAlike of [
      'ａlice@example.com',
      'ＡＬＩＣＥ＠ＥＸＡＭＰＬＥ．ＣＯＭ',
      'ali\u200Bce@example.com',
      'ali\u00ADce@example.com',
      'ali\u2060ce@example.com',
      '\uFEFFalice@example.com\u200B',
    ]) {
      expect(usernameKey(lookAlike)).toBe(key);
    }
    for (const lookAlike of ['ada\u00A0lovelace', 'ada\u202Flovelace', 'ada\u2003lovelace', 'ada\u3000lovelace']) {
      expect(usernameKey(lookAlike)).toBe(usernameKey('ada lovelace'));
    }
  });

  it('should make one key of the cases, forms and surrounding spaces of a username', () => {
    expect(usernameKey('DEMO@credkit.dev')).toBe(usernameKey('demo@credkit.dev'));
    expect(usernameKey(' Ren\u00e9@example.com')).toBe(usernameKey('rene\u0301@EXAMPLE.com'));
    expect(usernameKey('ada@example.com')).not.toBe(usernameKey('ada2@example.com'));
  });
});
