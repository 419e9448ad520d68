import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pemToSpki, spkiKeyKind, spkiToPem } from './spki.ts';

const pemOf = (key: ReturnType<typeof generateKeyPairSync>['publicKey']) =>
  key.export({ type: 'spki', format: 'pem' }).toString();
const derOf = (key: ReturnType<typeof generateKeyPairSync>['publicKey']) =>
  new Uint8Array(key.export({ type: 'spki', format: 'der' }));

describe('spkiToPem and pemToSpki', () => {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

  it('should write PEM exactly as Node does, and read it back', () => {
    expect(spkiToPem(derOf(publicKey))).toBe(pemOf(publicKey));
    expect(pemToSpki(pemOf(publicKey))).toEqual(derOf(publicKey));
  });

  it('should read PEM without a final newline, with CRLF, or with other line lengths (as the Dfns SDK writes it)', () => {
    const body = Buffer.from(derOf(publicKey)).toString('base64');
    for (const pem of [
      pemOf(publicKey).trimEnd(),
      pemOf(publicKey).replace(/\n/g, '\r\n'),
      `-----BEGIN PUBLIC KEY-----\n${body.match(/.{1,76}/g)?.join('\n')}\n-----END PUBLIC KEY-----`,
    ]) {
      expect(pemToSpki(pem)).toEqual(derOf(publicKey));
    }
  });

  it('should refuse other PEM labels, bad base64 and text around the PEM', () => {
    const pem = pemOf(publicKey);
    expect(pemToSpki(pem.replace(/PUBLIC KEY/g, 'PRIVATE KEY'))).toBeUndefined();
    expect(pemToSpki(pem.replace(/A/, '*'))).toBeUndefined();
    expect(pemToSpki(pem.replace(/\n-----END/, 'A\n-----END'))).toBeUndefined();
    expect(pemToSpki(`hello ${pem}`)).toBeUndefined();
    expect(pemToSpki('')).toBeUndefined();
  });
});

describe('spkiKeyKind', () => {
  it('should tell ECDSA P-256 and Ed25519 keys from other keys', () => {
    expect(spkiKeyKind(derOf(generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey))).toBe('ecdsa-p256');
    expect(spkiKeyKind(derOf(generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey))).toBe('other');
    expect(spkiKeyKind(derOf(generateKeyPairSync('ed25519').publicKey))).toBe('ed25519');
    expect(spkiKeyKind(derOf(generateKeyPairSync('ed448').publicKey))).toBe('other');
    expect(spkiKeyKind(derOf(generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey))).toBe('other');
  });

  it('should refuse what is not a SubjectPublicKeyInfo', () => {
    const der = derOf(generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey);
    expect(spkiKeyKind(der.subarray(0, der.length - 1))).toBeUndefined();
    expect(spkiKeyKind(new Uint8Array([...der, 0]))).toBeUndefined();
    expect(spkiKeyKind(new Uint8Array([0x30, 0x00]))).toBeUndefined();
    expect(spkiKeyKind(new Uint8Array(64))).toBeUndefined();
  });
});
