import { createHash, createPublicKey, verify, webcrypto } from 'node:crypto';
import { BrowserKeySigner } from '@dfns/sdk-browser';
import { describe, expect, it } from 'vitest';
import { type Call, expectDfnsError, ORIGIN, setupBackend } from './testHelpers.ts';
import { createSoftwareKeyCredential, type SoftwareKeyCredentialInput } from './testing/softwareKeySigner.ts';

type KeyKind = 'Key' | 'PasswordProtectedKey' | 'RecoveryKey';
const WRAPPED = Buffer.from('{"v":1,"opaque":"to the server"}').toString('base64');

async function keyChallenge(call: Call, kind: KeyKind) {
  const response = await call('POST', '/auth/credentials/init', { kind });
  expect(response.status).toBe(200);
  return response.body as { kind: string; challenge: string; challengeIdentifier: string } & Record<string, unknown>;
}

async function keyBody(
  call: Call,
  kind: KeyKind,
  input: Partial<SoftwareKeyCredentialInput> = {},
  extra: Record<string, unknown> = {},
) {
  const challenge = await keyChallenge(call, kind);
  const { credentialInfo } = createSoftwareKeyCredential({ challenge: challenge.challenge, origin: ORIGIN, ...input });
  return {
    credentialKind: kind,
    credentialName: `${kind} credential`,
    challengeIdentifier: challenge.challengeIdentifier,
    credentialInfo,
    ...(kind === 'PasswordProtectedKey' && { encryptedPrivateKey: WRAPPED }),
    ...extra,
  };
}

describe('key credentials in the mock backend', () => {
  it('should issue key challenges without authenticatorSelection or excludeCredentials', async () => {
    const { call } = setupBackend();
    for (const kind of ['Key', 'PasswordProtectedKey', 'RecoveryKey'] as const) {
      const challenge = await keyChallenge(call, kind);
      expect(challenge.kind).toBe(kind);
      expect(challenge).not.toHaveProperty('authenticatorSelection');
      expect(challenge).not.toHaveProperty('excludeCredentials');
    }
  });

  it.each(['Key', 'PasswordProtectedKey', 'RecoveryKey'] as const)('should verify and store a %s', async (kind) => {
    const { call } = setupBackend();
    const body = await keyBody(call, kind);
    const created = await call('POST', '/auth/credentials', body);
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      kind,
      credentialId: body.credentialInfo.credId,
      name: `${kind} credential`,
      origin: ORIGIN,
      relyingPartyId: 'localhost',
    });
    expect(createPublicKey(created.body.publicKey).asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(Object.keys(created.body)).toHaveLength(9);
    expect((await call('GET', '/auth/credentials')).body.items.map((item: { kind: string }) => item.kind)).toEqual([
      kind,
    ]);
  });

  it('should accept the challenge as the raw string too, and clientData without an origin', async () => {
    const { call } = setupBackend();
    const body = await keyBody(call, 'Key', { challengeEncoding: 'raw', origin: undefined });
    const created = await call('POST', '/auth/credentials', body);
    expect(created.status).toBe(200);
    // No origin in clientData: the request's (allowed) Origin header is recorded.
    expect(created.body.origin).toBe(ORIGIN);
  });

  it('should require encryptedPrivateKey for a PasswordProtectedKey, allow it for a RecoveryKey, refuse it for a Key', async () => {
    const { call } = setupBackend();
    const ppk = await keyBody(call, 'PasswordProtectedKey');
    const { encryptedPrivateKey: _dropped, ...withoutKey } = ppk;
    expectDfnsError(await call('POST', '/auth/credentials', withoutKey), 400, /encryptedPrivateKey is required/);
    const rk = await keyBody(call, 'RecoveryKey', {}, { encryptedPrivateKey: WRAPPED });
    expect((await call('POST', '/auth/credentials', rk)).status).toBe(200);
    expectDfnsError(
      await call('POST', '/auth/credentials', await keyBody(call, 'Key', {}, { encryptedPrivateKey: WRAPPED })),
      400,
      /only accepted for PasswordProtectedKey and RecoveryKey/,
    );
    expectDfnsError(
      await call(
        'POST',
        '/auth/credentials',
        await keyBody(call, 'RecoveryKey', {}, { encryptedPrivateKey: 'not base64!' }),
      ),
      400,
      /encryptedPrivateKey must be standard base64/,
    );
  });

  it('should refuse a wrong clientData type, challenge or origin', async () => {
    const { call } = setupBackend();
    expectDfnsError(
      await call('POST', '/auth/credentials', await keyBody(call, 'Key', { type: 'key.get' })),
      400,
      /type must be "key.create", got "key.get"/,
    );
    const other = await keyChallenge(call, 'Key');
    expectDfnsError(
      await call('POST', '/auth/credentials', await keyBody(call, 'Key', { challenge: other.challenge })),
      400,
      /challenge does not match/,
    );
    expectDfnsError(
      await call('POST', '/auth/credentials', await keyBody(call, 'Key', { origin: 'https://evil.example' })),
      400,
      /origin https:\/\/evil\.example is not allowed/,
    );
  });

  it('should refuse a signature that does not verify, and a tampered clientData', async () => {
    const { call } = setupBackend();
    const body = await keyBody(call, 'Key');
    const attestation = JSON.parse(Buffer.from(body.credentialInfo.attestationData, 'base64url').toString());
    const signature = Buffer.from(attestation.signature, 'hex');
    signature[signature.length - 1] = (signature[signature.length - 1] ?? 0) ^ 1;
    attestation.signature = signature.toString('hex');
    body.credentialInfo.attestationData = Buffer.from(JSON.stringify(attestation)).toString('base64url');
    expectDfnsError(await call('POST', '/auth/credentials', body), 400, /signature does not verify/);

    const tampered = await keyBody(call, 'Key');
    const clientData = JSON.parse(Buffer.from(tampered.credentialInfo.clientData, 'base64url').toString());
    tampered.credentialInfo.clientData = Buffer.from(JSON.stringify({ ...clientData, extra: 1 })).toString('base64url');
    expectDfnsError(await call('POST', '/auth/credentials', tampered), 400, /signature does not verify/);
  });

  it("should refuse a signature in lenient DER, as Node's OpenSSL verification does, though r and s are right", async () => {
    const { call } = setupBackend();
    const variants = [
      // A needless leading zero in r.
      (der: Buffer) =>
        Buffer.concat([Buffer.from([0x30, der.length - 1, 0x02, (der[3] ?? 0) + 1, 0x00]), der.subarray(4)]),
      // The sequence length in long form.
      (der: Buffer) => Buffer.concat([Buffer.from([0x30, 0x81]), der.subarray(1)]),
      // A byte after the sequence.
      (der: Buffer) => Buffer.concat([der, Buffer.from([0x00])]),
    ];
    for (const lenient of variants) {
      const body = await keyBody(call, 'Key');
      const attestation = JSON.parse(Buffer.from(body.credentialInfo.attestationData, 'base64url').toString());
      const der = Buffer.from(attestation.signature, 'hex');
      const fingerprint = Buffer.from(
        JSON.stringify({
          clientDataHash: createHash('sha256')
            .update(Buffer.from(body.credentialInfo.clientData, 'base64url'))
            .digest('hex'),
          publicKey: attestation.publicKey,
        }),
      );
      const key = { key: createPublicKey(attestation.publicKey), dsaEncoding: 'der' } as const;
      expect(verify('sha256', fingerprint, key, der)).toBe(true);
      expect(verify('sha256', fingerprint, key, lenient(der))).toBe(false);

      attestation.signature = lenient(der).toString('hex');
      body.credentialInfo.attestationData = Buffer.from(JSON.stringify(attestation)).toString('base64url');
      expectDfnsError(await call('POST', '/auth/credentials', body), 400, /signature does not verify/);
    }
  });

  it('should refuse a public key that is not P-256 and an algorithm that is not SHA256', async () => {
    const { call } = setupBackend();
    const body = await keyBody(call, 'Key');
    const attestation = JSON.parse(Buffer.from(body.credentialInfo.attestationData, 'base64url').toString());
    const rsa = (await import('node:crypto')).generateKeyPairSync('rsa', { modulusLength: 2048 });
    const withRsa = { ...attestation, publicKey: rsa.publicKey.export({ type: 'spki', format: 'pem' }) };
    body.credentialInfo.attestationData = Buffer.from(JSON.stringify(withRsa)).toString('base64url');
    expectDfnsError(await call('POST', '/auth/credentials', body), 400, /must be an ECDSA P-256 key/);

    const other = await keyBody(call, 'Key');
    const otherAttestation = JSON.parse(Buffer.from(other.credentialInfo.attestationData, 'base64url').toString());
    other.credentialInfo.attestationData = Buffer.from(
      JSON.stringify({ ...otherAttestation, algorithm: 'SHA1' }),
    ).toString('base64url');
    expectDfnsError(await call('POST', '/auth/credentials', other), 400, /algorithm must be "SHA256", got "SHA1"/);
  });

  it('should accept what the published @dfns/sdk-browser BrowserKeySigner.create produces', async () => {
    const { call } = setupBackend();
    const keyPair = (await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
      'sign',
      'verify',
    ])) as CryptoKeyPair;
    const signer = new BrowserKeySigner({ keyPair });
    const challenge = await keyChallenge(call, 'Key');
    const { credentialKind, credentialInfo } = await signer.create(challenge as never);
    const created = await call('POST', '/auth/credentials', {
      credentialKind,
      credentialInfo,
      credentialName: 'From the Dfns SDK',
      challengeIdentifier: challenge.challengeIdentifier,
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ kind: 'Key', credentialId: credentialInfo.credId });
  });
});
