import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isStrictDerEcdsaSignature } from './strictDer.ts';

describe('isStrictDerEcdsaSignature', () => {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const signatures = Array.from({ length: 50 }, (_, index) =>
    sign('sha256', Buffer.from(`message ${index}`), { key: privateKey, dsaEncoding: 'der' }),
  );

  it('should accept every signature OpenSSL writes', () => {
    for (const signature of signatures) expect(isStrictDerEcdsaSignature(signature)).toBe(true);
  });

  it('should refuse any flipped bit in the tag and length bytes', () => {
    for (const signature of signatures.slice(0, 10)) {
      const rLength = signature[3] ?? 0;
      for (const index of [0, 1, 2, 3, 4 + rLength, 5 + rLength]) {
        for (let bit = 0; bit < 8; bit += 1) {
          const flipped = Buffer.from(signature);
          flipped[index] = (flipped[index] ?? 0) ^ (1 << bit);
          expect(isStrictDerEcdsaSignature(flipped), `byte ${index} bit ${bit}`).toBe(false);
        }
      }
    }
  });

  it('should refuse trailing bytes and non-minimal integers', () => {
    const signature = signatures[0] ?? Buffer.alloc(0);
    expect(isStrictDerEcdsaSignature(Buffer.concat([signature, Buffer.from([0])]))).toBe(false);
    const padded = Buffer.from([0x30, 0x08, 0x02, 0x02, 0x00, 0x01, 0x02, 0x02, 0x00, 0x01]);
    expect(isStrictDerEcdsaSignature(padded)).toBe(false);
    expect(isStrictDerEcdsaSignature(Buffer.from([0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01]))).toBe(true);
  });
});
