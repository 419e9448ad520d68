import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { p256PointToSpki } from './p256PointToSpki.ts';

const P = Buffer.from('ffffffff00000001000000000000000000000000ffffffffffffffffffffffff', 'hex');

function point() {
  const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = publicKey.export({ format: 'jwk' });
  const der = new Uint8Array(publicKey.export({ type: 'spki', format: 'der' }));
  return { x: Buffer.from(jwk.x ?? '', 'base64url'), y: Buffer.from(jwk.y ?? '', 'base64url'), der };
}

describe('p256PointToSpki', () => {
  it("should give Node's SPKI DER, byte for byte, for a point on the curve", () => {
    for (let run = 0; run < 20; run++) {
      const { x, y, der } = point();
      expect(p256PointToSpki(x, y)).toEqual(der);
    }
  });

  it('should refuse a point off the curve', () => {
    const { x, y } = point();
    y[31] = (y[31] ?? 0) ^ 1;
    expect(p256PointToSpki(x, y)).toBeUndefined();
  });

  it('should refuse a coordinate not below p, and coordinates of another length', () => {
    const { x, y } = point();
    expect(p256PointToSpki(P, y)).toBeUndefined();
    expect(p256PointToSpki(x.subarray(1), y)).toBeUndefined();
    expect(p256PointToSpki(x, Buffer.concat([Buffer.alloc(1), y]))).toBeUndefined();
  });
});
