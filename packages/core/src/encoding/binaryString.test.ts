import { describe, expect, it } from 'vitest';
import { toBase64 } from './base64.ts';
import { toBase64url } from './base64url.ts';
import { fromBinaryString, toBinaryString } from './binaryString.ts';

describe('toBinaryString', () => {
  it('should give one character per byte, its char code the byte', () => {
    expect(toBinaryString(new Uint8Array([0x00, 0x41, 0x7f, 0x80, 0xff]))).toBe('\u0000A\u007f\u0080\u00ff');
  });

  it('should give the empty string for no bytes', () => {
    expect(toBinaryString(new Uint8Array([]))).toBe('');
  });
});

describe('fromBinaryString', () => {
  it('should give back every byte value', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, index) => index);
    expect([...fromBinaryString(toBinaryString(bytes))]).toEqual([...bytes]);
  });
});

describe('base64 and base64url, through the same binary string', () => {
  it('should differ only in alphabet and padding', () => {
    const bytes = new Uint8Array([0xfb, 0xff, 0xbf, 0x01]);
    expect(toBase64(bytes)).toBe('+/+/AQ==');
    expect(toBase64url(bytes)).toBe('-_-_AQ');
  });
});
