import { describe, expect, it } from 'vitest';
import { CredkitError } from './credkitError.ts';
import { serverMessageToShow } from './serverMessageToShow.ts';

const said = (serverMessage: string | undefined) =>
  serverMessageToShow(new CredkitError('server', { status: 400, serverMessage }));

describe('serverMessageToShow', () => {
  it('should give a plain message as it is, and nothing without one', () => {
    expect(said('Challenge expired.')).toBe('Challenge expired.');
    expect(said(undefined)).toBeUndefined();
    expect(new CredkitError('network').serverMessage).toBeUndefined();
  });

  it('should remove bidi overrides, isolates and marks', () => {
    expect(said('Bank\u202Eyek-ssap\u202C ok')).toBe('Bankyek-ssap ok');
    expect(said('\u2066a\u2069 \u200Fb\u200E \u061Cc')).toBe('a b c');
  });

  it('should remove control, zero-width and lone surrogate characters, and collapse whitespace', () => {
    expect(said('a\u0000b\u0007c\u001B[31md\u007F\u0085e')).toBe('abc[31mde');
    expect(said('zero\u200Bwidth\uFEFF and \uD800lone')).toBe('zerowidth and lone');
    expect(said('  two\n\nlines\tand \u2028 more  ')).toBe('two lines and more');
  });

  it('should give nothing for a message of only invisible characters', () => {
    expect(said('\u202E\u200B \n')).toBeUndefined();
  });

  it('should cut a long message to 200 characters, counted in code points, ending in …', () => {
    const shown = said('x'.repeat(5_000)) ?? '';
    expect(Array.from(shown)).toHaveLength(200);
    expect(shown.endsWith('x…')).toBe(true);
    // An emoji is one character: 200 of them fit exactly, as they are.
    expect(said('😀'.repeat(200))).toBe('😀'.repeat(200));
    expect(Array.from(said('😀'.repeat(201)) ?? '')).toHaveLength(200);
  });
});
