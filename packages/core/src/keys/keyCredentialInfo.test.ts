import { createHash, createPublicKey, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fromBase64url } from '../encoding/base64url.ts';
import { createKeyCredentialInfo, KEY_ALGORITHM } from './keyCredentialInfo.ts';

// A fixed P-256 key (test-only) so the payload is a known answer.
const FIXED_JWK = {
  kty: 'EC',
  crv: 'P-256',
  x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
  y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
  d: 'jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI',
};
const FIXED_PEM = createPublicKey({ key: FIXED_JWK, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString();

async function fixedKeyPair(): Promise<CryptoKeyPair> {
  const { d: _d, ...publicJwk } = FIXED_JWK;
  return {
    privateKey: await crypto.subtle.importKey('jwk', FIXED_JWK, KEY_ALGORITHM, false, ['sign']),
    publicKey: await crypto.subtle.importKey('jwk', publicJwk, KEY_ALGORITHM, true, ['verify']),
  };
}

const decode = (text: string) => new TextDecoder().decode(fromBase64url(text));

describe('createKeyCredentialInfo', () => {
  it('should give the known clientData and attestation for a fixed key, challenge and origin', async () => {
    const info = await createKeyCredentialInfo({
      challenge: '1c42f9a4404b77a51a7698405b9e48cda86b497e639198f2071f0cc982d9c650',
      origin: 'https://app.example.com',
      keyPair: await fixedKeyPair(),
      credId: 'fixed-cred-id',
    });
    expect(info.credId).toBe('fixed-cred-id');
    expect(decode(info.clientData)).toBe(
      '{"type":"key.create","challenge":"MWM0MmY5YTQ0MDRiNzdhNTFhNzY5ODQwNWI5ZTQ4Y2RhODZiNDk3ZTYzOTE5OGYyMDcxZjBjYzk4MmQ5YzY1MA","origin":"https://app.example.com","crossOrigin":false}',
    );
    const attestation = JSON.parse(decode(info.attestationData)) as Record<string, string>;
    expect(Object.keys(attestation)).toEqual(['publicKey', 'signature', 'algorithm']);
    expect(`${attestation.publicKey}\n`).toBe(FIXED_PEM);
    expect(attestation.algorithm).toBe('SHA256');
    expect(attestation.signature).toMatch(/^30[0-9a-f]+$/);

    // The signature covers {"clientDataHash":<hex sha256 of the clientData bytes>,"publicKey":<PEM>}.
    const clientDataHash = createHash('sha256').update(fromBase64url(info.clientData)).digest('hex');
    const fingerprint = JSON.stringify({ clientDataHash, publicKey: attestation.publicKey });
    expect(verify('sha256', Buffer.from(fingerprint), FIXED_PEM, Buffer.from(attestation.signature ?? '', 'hex'))).toBe(
      true,
    );
  });

  it('should draw a fresh 32-byte credential id each time', async () => {
    const keyPair = await fixedKeyPair();
    const input = { challenge: 'c', origin: 'https://a.example', keyPair };
    const [one, two] = await Promise.all([createKeyCredentialInfo(input), createKeyCredentialInfo(input)]);
    expect(fromBase64url(one.credId)).toHaveLength(32);
    expect(one.credId).not.toBe(two.credId);
  });
});
