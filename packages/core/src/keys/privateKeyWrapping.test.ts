import { describe, expect, it } from 'vitest';
import { fromBase64 } from '../encoding/base64.ts';
import { credkitRejection } from '../testFixtures.ts';
import { KEY_ALGORITHM } from './keyCredentialInfo.ts';
import { MIN_WRAP_ITERATIONS, unwrapPrivateKey, unwrapPrivateKeyBytes, wrapPrivateKey } from './privateKeyWrapping.ts';

async function pkcs8Key() {
  const keyPair = await crypto.subtle.generateKey(KEY_ALGORITHM, true, ['sign', 'verify']);
  return { keyPair, pkcs8: await crypto.subtle.exportKey('pkcs8', keyPair.privateKey) };
}

describe('wrapPrivateKey / unwrapPrivateKey', () => {
  it('should give back the very key: unwrap(wrap(k)) = k, and it signs for the public key', async () => {
    const { keyPair, pkcs8 } = await pkcs8Key();
    const wrapped = await wrapPrivateKey(pkcs8, 'correct horse battery staple');
    expect(new Uint8Array(await unwrapPrivateKeyBytes(wrapped, 'correct horse battery staple'))).toEqual(
      new Uint8Array(pkcs8),
    );
    const privateKey = await unwrapPrivateKey(wrapped, 'correct horse battery staple');
    expect(privateKey.extractable).toBe(false);
    const message = new TextEncoder().encode('hello');
    const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, privateKey, message);
    expect(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, keyPair.publicKey, signature, message)).toBe(
      true,
    );
  });

  it('should carry everything needed to unwrap it, in standard base64', async () => {
    const { pkcs8 } = await pkcs8Key();
    const wrapped = await wrapPrivateKey(pkcs8, 'pw');
    expect(wrapped).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const decoded = JSON.parse(new TextDecoder().decode(fromBase64(wrapped)));
    expect(decoded).toMatchObject({
      v: 1,
      format: 'pkcs8',
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: MIN_WRAP_ITERATIONS },
      cipher: { name: 'AES-GCM', length: 256 },
    });
    expect(fromBase64(decoded.kdf.salt)).toHaveLength(16);
    expect(fromBase64(decoded.cipher.iv)).toHaveLength(12);
    // PKCS#8 plus the 16-byte GCM tag: the key itself is nowhere in the clear.
    expect(fromBase64(decoded.ciphertext)).toHaveLength(pkcs8.byteLength + 16);
    expect(MIN_WRAP_ITERATIONS).toBeGreaterThanOrEqual(600_000);
  });

  it('should say wrong-password for a wrong password or a tampered ciphertext', async () => {
    const { pkcs8 } = await pkcs8Key();
    const wrapped = await wrapPrivateKey(pkcs8, 'right');
    const error = await credkitRejection(unwrapPrivateKey(wrapped, 'wrong'));
    expect(error.code).toBe('wrong-password');
    expect(error.message).toBe('That password or recovery code does not open this key.');

    const decoded = JSON.parse(new TextDecoder().decode(fromBase64(wrapped)));
    const bytes = fromBase64(decoded.ciphertext);
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    decoded.ciphertext = Buffer.from(bytes).toString('base64');
    const tampered = Buffer.from(JSON.stringify(decoded)).toString('base64');
    expect((await credkitRejection(unwrapPrivateKey(tampered, 'right'))).code).toBe('wrong-password');
  });

  it('should refuse fewer than 600,000 iterations and a foreign format', async () => {
    const { pkcs8 } = await pkcs8Key();
    expect((await credkitRejection(wrapPrivateKey(pkcs8, 'pw', { iterations: 100_000 }))).code).toBe('invalid-input');
    expect((await credkitRejection(unwrapPrivateKey('LsXVskHYqqrKKxBC9KvqStLEmxak5Y7N', 'pw'))).code).toBe(
      'invalid-input',
    );
  });
});
