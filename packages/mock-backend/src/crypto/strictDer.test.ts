import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { derEcdsaSignatureToP1363, isStrictDerEcdsaSignature } from './strictDer.ts';

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

describe('derEcdsaSignatureToP1363', () => {
  const hex = (bytes: Uint8Array | undefined) => (bytes ? Buffer.from(bytes).toString('hex') : undefined);

  it('should left-pad r and s to the given size, dropping DER sign bytes', () => {
    expect(hex(derEcdsaSignatureToP1363(Buffer.from('3006020101020102', 'hex'), 4))).toBe('0000000100000002');
    expect(hex(derEcdsaSignatureToP1363(Buffer.from('300a0203008001020300ff02', 'hex'), 4))).toBe('000080010000ff02');
  });

  it('should give what Node verifies as IEEE P1363, for every signature OpenSSL writes', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    for (let index = 0; index < 50; index += 1) {
      const data = Buffer.from(`message ${index}`);
      const p1363 = derEcdsaSignatureToP1363(sign('sha256', data, { key: privateKey, dsaEncoding: 'der' }), 32);
      expect(p1363).toHaveLength(64);
      expect(verify('sha256', data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, p1363 ?? new Uint8Array())).toBe(
        true,
      );
    }
  });

  it('should refuse lenient DER and integers wider than the size', () => {
    expect(derEcdsaSignatureToP1363(Buffer.from('30080202000102020001', 'hex'), 32)).toBeUndefined();
    expect(derEcdsaSignatureToP1363(Buffer.from('3007020201010201010000', 'hex'), 32)).toBeUndefined();
    expect(derEcdsaSignatureToP1363(Buffer.from('300702020101020101', 'hex'), 1)).toBeUndefined();
  });
});
