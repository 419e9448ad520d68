import { afterEach, describe, expect, it, vi } from 'vitest';
import { fromBase64 } from '../encoding/base64.ts';
import { credkitRejection } from '../testFixtures.ts';
import { KEY_ALGORITHM } from './keyCredentialInfo.ts';
import {
  MAX_WRAP_ITERATIONS,
  MIN_WRAP_ITERATIONS,
  unwrapPrivateKey,
  unwrapPrivateKeyBytes,
  wrapPrivateKey,
} from './privateKeyWrapping.ts';

// Each wrap or unwrap runs 600,000 PBKDF2 iterations: slow on a busy machine.
const SLOW = { timeout: 30_000 };

/** A wrapped key with its decoded JSON changed by `change`, as a server could send it. */
function edited(wrapped: string, change: (decoded: Record<string, Record<string, unknown>>) => void): string {
  const decoded = JSON.parse(new TextDecoder().decode(fromBase64(wrapped)));
  change(decoded);
  return Buffer.from(JSON.stringify(decoded)).toString('base64');
}

async function pkcs8Key() {
  const keyPair = await crypto.subtle.generateKey(KEY_ALGORITHM, true, ['sign', 'verify']);
  return { keyPair, pkcs8: await crypto.subtle.exportKey('pkcs8', keyPair.privateKey) };
}

describe('wrapPrivateKey / unwrapPrivateKey', () => {
  it('should give back the very key: unwrap(wrap(k)) = k, and it signs for the public key', SLOW, async () => {
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

  it('should carry everything needed to unwrap it, in standard base64', SLOW, async () => {
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

  it('should say wrong-password for a wrong password or a tampered ciphertext', SLOW, async () => {
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

  it('should refuse to wrap with fewer than 600,000 or more than 10,000,000 iterations', SLOW, async () => {
    const { pkcs8 } = await pkcs8Key();
    for (const iterations of [100_000, MAX_WRAP_ITERATIONS + 1, 600_000.5]) {
      const error = await credkitRejection(wrapPrivateKey(pkcs8, 'pw', { iterations }));
      expect(error.code).toBe('invalid-input');
      expect(error.message).toBe(
        `PBKDF2 iterations must be a whole number from 600000 to 10000000, got ${iterations}.`,
      );
    }
    expect(MAX_WRAP_ITERATIONS).toBe(10_000_000);
  });

  it("should refuse a foreign format as invalid-challenge: the blob is the server's", async () => {
    const error = await credkitRejection(unwrapPrivateKey('LsXVskHYqqrKKxBC9KvqStLEmxak5Y7N', 'pw'));
    expect(error.code).toBe('invalid-challenge');
    expect(error.message).toBe(
      'The encrypted private key cannot be used: it was not made by credkit (unknown format).',
    );
  });

  // Issue 17: the count comes from the server. 1 opened the key, 2e9 hung the page, 0 and -5 threw a
  // raw DOMException or TypeError. Each is now refused before any derivation, as a CredkitError.
  it('should refuse iterations from the server outside 600,000–10,000,000 before deriving anything', SLOW, async () => {
    const { pkcs8 } = await pkcs8Key();
    const wrapped = await wrapPrivateKey(pkcs8, 'pw');
    for (const iterations of [1, 0, -5, 599_999, 2e9, MAX_WRAP_ITERATIONS + 1, 1e6 + 0.5, '600000', null]) {
      const hostile = edited(wrapped, (decoded) => {
        (decoded.kdf as Record<string, unknown>).iterations = iterations;
      });
      const started = performance.now();
      const error = await credkitRejection(unwrapPrivateKey(hostile, 'pw'));
      expect(error.code).toBe('invalid-challenge');
      expect(error.message).toBe(
        `The encrypted private key cannot be used: PBKDF2 iterations must be a whole number from 600000 to 10000000, got ${typeof iterations === 'string' ? `"${iterations}"` : String(iterations)}.`,
      );
      // Refused, not derived: far below the time of even the minimum count.
      expect(performance.now() - started).toBeLessThan(1_000);
    }
  });

  it('should refuse a salt, IV or ciphertext that cannot be one, as a CredkitError', SLOW, async () => {
    const { pkcs8 } = await pkcs8Key();
    const wrapped = await wrapPrivateKey(pkcs8, 'pw');
    const cases: [(decoded: Record<string, Record<string, unknown>>) => void, string][] = [
      [(d) => Object.assign(d.kdf as object, { salt: '%%%' }), 'its salt is not base64.'],
      [(d) => Object.assign(d.kdf as object, { salt: 'AAAA' }), 'its salt has 3 bytes, fewer than 16.'],
      [(d) => Object.assign(d.cipher as object, { iv: '' }), 'its AES-GCM IV has 0 bytes, not 12.'],
      [(d) => Object.assign(d, { ciphertext: 'AAAA' }), 'its ciphertext is too short to hold a key.'],
    ];
    for (const [change, problem] of cases) {
      const error = await credkitRejection(unwrapPrivateKeyBytes(edited(wrapped, change), 'pw'));
      expect(error.code).toBe('invalid-challenge');
      expect(error.message).toBe(`The encrypted private key cannot be used: ${problem}`);
    }
  });

  it('should say invalid-challenge when what opens is not a P-256 private key', SLOW, async () => {
    const wrapped = await wrapPrivateKey(new Uint8Array(40).buffer, 'pw');
    const error = await credkitRejection(unwrapPrivateKey(wrapped, 'pw'));
    expect(error.code).toBe('invalid-challenge');
    expect(error.message).toBe('The encrypted private key cannot be used: it opens, but holds no P-256 private key.');
    expect(error.cause).toBeInstanceOf(Error);
  });
});

describe('a WebCrypto failure', () => {
  afterEach(() => vi.restoreAllMocks());

  it('should be a CredkitError that says which step failed, with the DOMException as its cause', SLOW, async () => {
    const { pkcs8 } = await pkcs8Key();
    const wrapped = await wrapPrivateKey(pkcs8, 'pw');
    const failure = new DOMException('The operation failed.', 'OperationError');
    vi.spyOn(crypto.subtle, 'deriveKey').mockRejectedValue(failure);
    for (const attempt of [unwrapPrivateKey(wrapped, 'pw'), wrapPrivateKey(pkcs8, 'pw')]) {
      const error = await credkitRejection(attempt);
      expect([error.code, error.message, error.cause]).toEqual([
        'unknown',
        'WebCrypto could not derive the wrapping key.',
        failure,
      ]);
    }
  });
});

describe('the secret in Unicode NFC', () => {
  const composed = 'caf\u00e9 cr\u00e8me';
  const decomposed = 'cafe\u0301 cre\u0300me';

  it('should open a key wrapped under "café" with "café" typed decomposed, and the other way round', SLOW, async () => {
    const { pkcs8 } = await pkcs8Key();
    expect(decomposed).not.toBe(composed);
    const underComposed = await wrapPrivateKey(pkcs8, composed);
    expect(new Uint8Array(await unwrapPrivateKeyBytes(underComposed, decomposed))).toEqual(new Uint8Array(pkcs8));
    const underDecomposed = await wrapPrivateKey(pkcs8, decomposed);
    expect(new Uint8Array(await unwrapPrivateKeyBytes(underDecomposed, composed))).toEqual(new Uint8Array(pkcs8));
  });

  it('should still open a key credkit 0.1.0 wrapped under the secret as typed (not in NFC)', SLOW, async () => {
    const { pkcs8 } = await pkcs8Key();
    // What 0.1.0 did: PBKDF2 over the UTF-8 of the secret exactly as typed.
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(decomposed), 'PBKDF2', false, [
      'deriveKey',
    ]);
    const key = await crypto.subtle.deriveKey(
      { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: MIN_WRAP_ITERATIONS },
      material,
      { name: 'AES-GCM', length: 256 },
      false,
      ['encrypt'],
    );
    const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, pkcs8);
    const base64 = (bytes: ArrayBuffer | Uint8Array) => Buffer.from(new Uint8Array(bytes)).toString('base64');
    const legacy = base64(
      new TextEncoder().encode(
        JSON.stringify({
          v: 1,
          format: 'pkcs8',
          kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: MIN_WRAP_ITERATIONS, salt: base64(salt) },
          cipher: { name: 'AES-GCM', length: 256, iv: base64(iv) },
          ciphertext: base64(ciphertext),
        }),
      ),
    );
    expect(new Uint8Array(await unwrapPrivateKeyBytes(legacy, decomposed))).toEqual(new Uint8Array(pkcs8));
    expect((await credkitRejection(unwrapPrivateKeyBytes(legacy, 'cafe creme'))).code).toBe('wrong-password');
  });
});

// Issue 27: the count went into error.message with String(), 3,135 characters with a U+202E in
// them, past the cleaning every other server text gets.
describe('a server iterations value in the message', () => {
  it('should be cleaned and cut like any server text, and named by its type when not a scalar', SLOW, async () => {
    const { pkcs8 } = await pkcs8Key();
    const wrapped = await wrapPrivateKey(pkcs8, 'pw');
    const opened = (iterations: unknown) =>
      credkitRejection(
        unwrapPrivateKey(
          edited(wrapped, (decoded) => {
            (decoded.kdf as Record<string, unknown>).iterations = iterations;
          }),
          'pw',
        ),
      );
    const long = await opened(`${'9'.repeat(3_000)}\u202Eevil\n`);
    expect(long.code).toBe('invalid-challenge');
    expect(long.message).not.toMatch(/[\u202E\n]/);
    expect(Array.from(long.message).length).toBeLessThan(400);
    expect(long.message).toMatch(/, got "9{100,}…"\.$/);
    expect((await opened({ toString: 'x' })).message).toMatch(/, got an object\.$/);
    expect((await opened(['a'.repeat(1_000)])).message).toMatch(/, got an array\.$/);
    expect((await opened('600000')).message).toMatch(/, got "600000"\.$/);
  });
});
