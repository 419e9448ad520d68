import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyKeySignature } from './verifyKeySignature.ts';

const data = new Uint8Array(Buffer.from('{"type":"key.get","challenge":"abc"}'));
const bytes = (buffer: Buffer) => new Uint8Array(buffer);

describe('verifyKeySignature', () => {
  it('should verify a DER ECDSA-SHA256 signature by a P-256 key, and nothing else', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const der = bytes(sign('sha256', data, { key: privateKey, dsaEncoding: 'der' }));
    expect(await verifyKeySignature(pem, der, data)).toBe(true);
    const raw = bytes(sign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' }));
    expect(await verifyKeySignature(pem, raw, data)).toBe(false);
    expect(await verifyKeySignature(pem, der, new Uint8Array([...data, 32]))).toBe(false);
  });

  it('should verify an Ed25519 signature, as @dfns/sdk-keysigner makes it (crypto.sign without algorithm)', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const signature = bytes(sign(undefined, data, privateKey));
    expect(signature).toHaveLength(64);
    expect(await verifyKeySignature(pem, signature, data)).toBe(true);
    const flipped = signature.slice();
    flipped[10] = (flipped[10] as number) ^ 1;
    expect(await verifyKeySignature(pem, flipped, data)).toBe(false);
    const other = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(await verifyKeySignature(other, signature, data)).toBe(false);
  });

  it('should refuse keys of other kinds', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(await verifyKeySignature(pem, bytes(sign('sha256', data, privateKey)), data)).toBe(false);
    expect(await verifyKeySignature('not a key', new Uint8Array(64), data)).toBe(false);
  });
});
