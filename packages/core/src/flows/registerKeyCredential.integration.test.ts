// Key kinds, end to end in Node: core's WebCrypto code → the in-process mock, which verifies with
// its own node:crypto implementation. Also unwraps what was sent, with the secret that was not.
import { createMockBackend } from '@credkit/mock-backend';
import { describe, expect, it } from 'vitest';
import type { FetcherRequest } from '../http/fetcher.ts';
import { createFetcher } from '../http/fetcher.ts';
import { unwrapPrivateKey } from '../keys/privateKeyWrapping.ts';
import { generateRecoveryCode } from '../keys/recoveryCode.ts';
import { credkitRejection } from '../testFixtures.ts';
import { registerKeyCredential } from './registerKeyCredential.ts';

const ORIGIN = 'http://localhost:5173';

function setup() {
  const backend = createMockBackend({ origins: [ORIGIN], token: 't', userActionSigning: 'off' });
  const sent: FetcherRequest[] = [];
  const fetch = createFetcher({
    baseUrl: 'http://mock.test',
    headers: { Authorization: 'Bearer t', Origin: ORIGIN },
    fetch: (input, init) => backend.fetch(new Request(input, init)),
  });
  return {
    sent,
    fetcher: (request: FetcherRequest) => {
      sent.push(request);
      return fetch(request);
    },
  };
}

async function signs(keyPair: CryptoKeyPair, privateKey = keyPair.privateKey) {
  const message = new TextEncoder().encode('proof');
  const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, privateKey, message);
  return crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, keyPair.publicKey, signature, message);
}

describe('registerKeyCredential against the mock backend', () => {
  it('should register a Key and hand the host a non-extractable key pair', async () => {
    const { fetcher, sent } = setup();
    const phases: string[] = [];
    const result = await registerKeyCredential({
      fetcher,
      kind: 'Key',
      credentialName: 'Server key',
      origin: ORIGIN,
      onPhase: (phase) => phases.push(phase),
    });
    expect(result.credential).toMatchObject({ kind: 'Key', name: 'Server key', origin: ORIGIN });
    expect(result.keyPair.privateKey.extractable).toBe(false);
    expect(await signs(result.keyPair)).toBe(true);
    expect(result.encryptedPrivateKey).toBeUndefined();
    expect(phases).toEqual(['challenge', 'ceremony', 'submitting']);
    expect(sent.at(-1)?.body).not.toHaveProperty('encryptedPrivateKey');
  });

  it('should register a PasswordProtectedKey whose wrapped key opens with the password only', async () => {
    const { fetcher, sent } = setup();
    const password = 'correct horse battery staple';
    const result = await registerKeyCredential({
      fetcher,
      kind: 'PasswordProtectedKey',
      credentialName: 'Backup',
      password,
      origin: ORIGIN,
    });
    expect(result.credential.kind).toBe('PasswordProtectedKey');
    const body = sent.at(-1)?.body as { encryptedPrivateKey: string };
    expect(body.encryptedPrivateKey).toBe(result.encryptedPrivateKey);
    expect(JSON.stringify(sent)).not.toContain(password);
    expect(await signs(result.keyPair, await unwrapPrivateKey(body.encryptedPrivateKey, password))).toBe(true);
    expect((await credkitRejection(unwrapPrivateKey(body.encryptedPrivateKey, 'wrong'))).code).toBe('wrong-password');
  });

  it('should register a RecoveryKey under a recovery code, which is never sent', async () => {
    const { fetcher, sent } = setup();
    const recoveryCode = generateRecoveryCode();
    const result = await registerKeyCredential({
      fetcher,
      kind: 'RecoveryKey',
      credentialName: 'Recovery',
      recoveryCode: recoveryCode.toLowerCase(),
      origin: ORIGIN,
    });
    expect(result.credential.kind).toBe('RecoveryKey');
    const serialized = JSON.stringify(sent);
    expect(serialized).not.toContain(recoveryCode);
    expect(serialized).not.toContain(recoveryCode.replace(/-/g, ''));
    const opened = await unwrapPrivateKey(result.encryptedPrivateKey ?? '', recoveryCode);
    expect(await signs(result.keyPair, opened)).toBe(true);
  });

  it('should refuse a PasswordProtectedKey without a password before any request', async () => {
    const { fetcher, sent } = setup();
    const error = await credkitRejection(
      registerKeyCredential({ fetcher, kind: 'PasswordProtectedKey', credentialName: 'x', origin: ORIGIN }),
    );
    expect(error.code).toBe('invalid-input');
    expect(sent).toHaveLength(0);
  });
});
