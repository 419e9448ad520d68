import { describe, expect, it } from 'vitest';
import { fromBase64url, toBase64url, utf8 } from './base64url.ts';

// The Fido2 example of the Dfns reference page (POST /auth/credentials).
const SEED_CLIENT_DATA =
  'eyJ0eXBlIjoid2ViYXV0aG4uY3JlYXRlIiwiY2hhbGxlbmdlIjoiTVdNME1tWTVZVFEwTURSaU56ZGhOVEZoTnpZNU9EUXdOV0k1WlRRNFkyUmhPRFppTkRrM1pUWXpPVEU1T0dZeU1EY3haakJqWXprNE1tUTVZelkxTUEiLCJvcmlnaW4iOiJodHRwczovL2FwcC5kZm5zLm5pbmphIiwiY3Jvc3NPcmlnaW4iOmZhbHNlfQ';

describe('toBase64url', () => {
  it('should encode the RFC 4648 test vectors without padding', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'Zg'],
      ['fo', 'Zm8'],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg'],
      ['fooba', 'Zm9vYmE'],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [text, encoded] of vectors) expect(toBase64url(utf8(text))).toBe(encoded);
  });

  it('should use the URL-safe alphabet', () => {
    expect(toBase64url(new Uint8Array([0xfb, 0xff, 0xbf]))).toBe('-_-_');
  });

  it('should encode only the viewed bytes of a typed array', () => {
    const view = new Uint8Array([1, 2, 3, 4]).subarray(1, 3);
    expect(toBase64url(view)).toBe('AgM');
  });
});

describe('fromBase64url', () => {
  it('should decode exact bytes, padded or not', () => {
    expect([...fromBase64url('-_-_')]).toEqual([0xfb, 0xff, 0xbf]);
    expect([...fromBase64url('Zm8')]).toEqual([0x66, 0x6f]);
    expect([...fromBase64url('Zm8=')]).toEqual([0x66, 0x6f]);
  });

  it('should refuse characters outside the base64url alphabet', () => {
    expect(() => fromBase64url('ab+/')).toThrow(TypeError);
    expect(() => fromBase64url('a b')).toThrow(TypeError);
  });

  it("should decode the seed's clientData to the JSON the contract gives", () => {
    const json = new TextDecoder().decode(fromBase64url(SEED_CLIENT_DATA));
    expect(json).toBe(
      '{"type":"webauthn.create","challenge":"MWM0MmY5YTQ0MDRiNzdhNTFhNzY5ODQwNWI5ZTQ4Y2RhODZiNDk3ZTYzOTE5OGYyMDcxZjBjYzk4MmQ5YzY1MA","origin":"https://app.dfns.ninja","crossOrigin":false}',
    );
    // The browser's challenge is base64url of the UTF-8 of the Dfns challenge string.
    const { challenge } = JSON.parse(json) as { challenge: string };
    expect(new TextDecoder().decode(fromBase64url(challenge))).toBe(
      '1c42f9a4404b77a51a7698405b9e48cda86b497e639198f2071f0cc982d9c650',
    );
    expect(toBase64url(utf8('1c42f9a4404b77a51a7698405b9e48cda86b497e639198f2071f0cc982d9c650'))).toBe(challenge);
  });
});

describe('utf8', () => {
  it('should give the UTF-8 bytes of non-ASCII text', () => {
    expect([...utf8('é€')]).toEqual([0xc3, 0xa9, 0xe2, 0x82, 0xac]);
  });
});
