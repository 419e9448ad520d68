import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signingKeyKind } from './signingKeyKind.ts';
import { pemToSpki, spkiToPem } from './spki.ts';

const pemOf = (key: ReturnType<typeof generateKeyPairSync>['publicKey']) =>
  key.export({ type: 'spki', format: 'pem' }).toString();

/** The PEM with one byte of its key changed: `at` counts from the end of the SPKI. */
function withByte(pem: string, at: number, value: (byte: number) => number): string {
  const spki = pemToSpki(pem) as Uint8Array<ArrayBuffer>;
  const index = spki.length - at;
  spki[index] = value(spki[index] as number);
  return spkiToPem(spki);
}

describe('signingKeyKind', () => {
  it('should take P-256 and Ed25519 public keys, as OpenSSL and Node write them', () => {
    for (let round = 0; round < 20; round++) {
      expect(signingKeyKind(pemOf(generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey))).toBe('ecdsa-p256');
      expect(signingKeyKind(pemOf(generateKeyPairSync('ed25519').publicKey))).toBe('ed25519');
    }
  });

  it('should refuse other keys, private keys and text that is no PEM', () => {
    expect(signingKeyKind(pemOf(generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey))).toBeUndefined();
    expect(signingKeyKind(pemOf(generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey))).toBeUndefined();
    expect(signingKeyKind(pemOf(generateKeyPairSync('ed448').publicKey))).toBeUndefined();
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(signingKeyKind(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())).toBeUndefined();
    expect(signingKeyKind('not a key')).toBeUndefined();
  });

  it('should refuse a P-256 point off the curve or compressed', () => {
    const pem = pemOf(generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey);
    expect(signingKeyKind(withByte(pem, 1, (byte) => byte ^ 1))).toBeUndefined();
    expect(signingKeyKind(withByte(pem, 65, () => 0x02))).toBeUndefined();
  });

  it('should refuse an Ed25519 key that decodes to no point (RFC 8032 §5.1.3)', () => {
    // y = 2 has no x: (y² − 1) / (d·y² + 1) is not a square mod 2^255 − 19.
    const noPoint = new Uint8Array(32);
    noPoint[0] = 2;
    const spki = new Uint8Array([...Buffer.from('302a300506032b6570032100', 'hex'), ...noPoint]);
    expect(signingKeyKind(spkiToPem(spki))).toBeUndefined();
    // y = 1 is the neutral point (x = 0): valid, but not with the sign bit of x set.
    noPoint[0] = 1;
    expect(signingKeyKind(spkiToPem(new Uint8Array([...spki.subarray(0, 12), ...noPoint])))).toBe('ed25519');
    noPoint[31] = 0x80;
    expect(signingKeyKind(spkiToPem(new Uint8Array([...spki.subarray(0, 12), ...noPoint])))).toBeUndefined();
    // y ≥ p is not canonical.
    const large = new Uint8Array(32).fill(0xff);
    large[31] = 0x7f;
    expect(signingKeyKind(spkiToPem(new Uint8Array([...spki.subarray(0, 12), ...large])))).toBeUndefined();
  });
});
