import { createPublicKey, type JsonWebKey as NodeJsonWebKey, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rawSignatureToDer } from './derSignature.ts';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('rawSignatureToDer', () => {
  it('should encode r and s as DER INTEGERs, exactly', () => {
    const r = new Uint8Array(32).fill(0x11);
    const s = new Uint8Array(32).fill(0x22);
    expect(hex(rawSignatureToDer(new Uint8Array([...r, ...s])))).toBe(
      `3044${`0220${'11'.repeat(32)}`}${`0220${'22'.repeat(32)}`}`,
    );
  });

  it('should prefix a zero byte when the high bit is set, and drop leading zeros', () => {
    const r = new Uint8Array(32).fill(0x80);
    const s = new Uint8Array([0, 0, ...new Uint8Array(30).fill(0x01)]);
    expect(hex(rawSignatureToDer(new Uint8Array([...r, ...s])))).toBe(
      `3043${`022100${'80'.repeat(32)}`}${`021e${'01'.repeat(30)}`}`,
    );
  });

  it('should give signatures that OpenSSL verifies', async () => {
    const keyPair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
    const publicKey = createPublicKey({
      key: (await crypto.subtle.exportKey('jwk', keyPair.publicKey)) as NodeJsonWebKey,
      format: 'jwk',
    });
    for (let round = 0; round < 20; round += 1) {
      const message = new TextEncoder().encode(`message ${round}`);
      const raw = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, keyPair.privateKey, message);
      expect(verify('sha256', message, { key: publicKey, dsaEncoding: 'der' }, rawSignatureToDer(raw))).toBe(true);
    }
  });
});
