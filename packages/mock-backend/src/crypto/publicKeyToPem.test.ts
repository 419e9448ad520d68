import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';
import { describe, expect, it } from 'vitest';
import { publicKeyToPem } from './publicKeyToPem.ts';

const b = (value: string | undefined) => new Uint8Array(Buffer.from(value ?? '', 'base64url'));

/** The COSE_Key (RFC 9053) of a Node public key, as an authenticator puts it in authData. */
function coseKey(publicKey: KeyObject): Uint8Array<ArrayBuffer> {
  const jwk = publicKey.export({ format: 'jwk' });
  const crv = { 'P-256': 1, 'P-384': 2, 'P-521': 3, Ed25519: 6 }[jwk.crv ?? ''] ?? 0;
  const entries: [number, unknown][] =
    jwk.kty === 'EC'
      ? [
          [1, 2],
          [3, -7],
          [-1, crv],
          [-2, b(jwk.x)],
          [-3, b(jwk.y)],
        ]
      : jwk.kty === 'OKP'
        ? [
            [1, 1],
            [3, -8],
            [-1, crv],
            [-2, b(jwk.x)],
          ]
        : [
            [1, 3],
            [3, -257],
            [-1, b(jwk.n)],
            [-2, b(jwk.e)],
          ];
  return new Uint8Array(isoCBOR.encode(new Map(entries) as never));
}

describe('publicKeyToPem', () => {
  it.each([
    ['EC P-256', () => generateKeyPairSync('ec', { namedCurve: 'P-256' })],
    ['EC P-384', () => generateKeyPairSync('ec', { namedCurve: 'P-384' })],
    ['EC P-521', () => generateKeyPairSync('ec', { namedCurve: 'P-521' })],
    ['Ed25519', () => generateKeyPairSync('ed25519')],
    ['RSA 2048', () => generateKeyPairSync('rsa', { modulusLength: 2048 })],
  ])('should give the SPKI PEM Node exports, byte for byte, for %s', async (_, generate) => {
    const { publicKey } = generate();
    expect(await publicKeyToPem(coseKey(publicKey))).toBe(publicKey.export({ type: 'spki', format: 'pem' }));
  });

  it('should refuse an EC point that is not on its curve', async () => {
    const jwk = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' });
    const y = b(jwk.y);
    y[31] = (y[31] ?? 0) ^ 1;
    const cose = new Uint8Array(
      isoCBOR.encode(
        new Map<number, unknown>([
          [1, 2],
          [3, -7],
          [-1, 1],
          [-2, b(jwk.x)],
          [-3, y],
        ]) as never,
      ),
    );
    await expect(publicKeyToPem(cose)).rejects.toThrow();
  });
});
