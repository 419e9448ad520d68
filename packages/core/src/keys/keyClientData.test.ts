import { describe, expect, it } from 'vitest';
import { keyClientData, pageOrigin } from './keyClientData.ts';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('keyClientData', () => {
  it('should write the type, the challenge as base64url of its UTF-8, the origin and crossOrigin, in that order', () => {
    expect(text(keyClientData('key.create', 'abc', 'https://app.example.com'))).toBe(
      '{"type":"key.create","challenge":"YWJj","origin":"https://app.example.com","crossOrigin":false}',
    );
    expect(text(keyClientData('key.get', 'é', 'https://app.example.com'))).toBe(
      '{"type":"key.get","challenge":"w6k","origin":"https://app.example.com","crossOrigin":false}',
    );
  });

  it('should leave the origin out when there is none', () => {
    expect(text(keyClientData('key.get', 'abc', undefined))).toBe(
      '{"type":"key.get","challenge":"YWJj","crossOrigin":false}',
    );
  });
});

describe('pageOrigin', () => {
  it('should be undefined without a page (Node)', () => {
    expect(pageOrigin()).toBeUndefined();
  });
});
