// Interop with the published Dfns SDK, unchanged: only baseUrl points at the mock. The SDK registers a
// user with a Key (@dfns/sdk-browser BrowserKeySigner), then creates a second credential through
// createCredentialChallenge + createCredential, its own user-action signing (@dfns/sdk-keysigner)
// running against the mock, and lists both.
import { createPrivateKey, webcrypto } from 'node:crypto';
import { DfnsApiClient } from '@dfns/sdk';
import { BrowserKeySigner } from '@dfns/sdk-browser';
import { AsymmetricKeySigner } from '@dfns/sdk-keysigner';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ORG_ID } from './config.ts';
import { createMockBackend } from './createMockBackend.ts';

async function extractableKeyPair() {
  const keyPair = (await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keyPair.privateKey));
  return {
    keyPair,
    privateKeyPem: createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' })
      .export({ type: 'pkcs8', format: 'pem' })
      .toString(),
  };
}

describe('the published @dfns/sdk against the mock', () => {
  it('should register a user, add a second credential with user-action signing, and list both', {
    timeout: 30_000,
  }, async () => {
    const server = await createMockBackend({ origins: ['http://localhost:5173'] }).listen({ port: 0 });
    try {
      const baseUrl = server.url;
      const anonymous = new DfnsApiClient({ baseUrl, orgId: DEFAULT_ORG_ID } as never);
      const registration = await anonymous.auth.createRegistrationChallenge({
        body: { orgId: DEFAULT_ORG_ID, username: 'sdk@example.com', registrationCode: '000000' },
      });

      const first = await extractableKeyPair();
      const firstSigner = new BrowserKeySigner({ keyPair: first.keyPair });
      const firstCredential = await firstSigner.create(registration as never);
      const registering = new DfnsApiClient({ baseUrl, authToken: registration.temporaryAuthenticationToken } as never);
      const registered = await registering.auth.registerEndUser({
        body: {
          firstFactorCredential: { ...firstCredential, credentialName: 'SDK key' },
          wallets: [],
        } as never,
      });
      expect(registered.user.username).toBe('sdk@example.com');

      const client = new DfnsApiClient({
        baseUrl,
        orgId: DEFAULT_ORG_ID,
        authToken: registered.authentication.token,
        signer: new AsymmetricKeySigner({
          credId: firstCredential.credentialInfo.credId,
          privateKey: first.privateKeyPem,
        }),
      } as never);
      const challenge = await client.auth.createCredentialChallenge({ body: { kind: 'Key' } as never });
      const second = await extractableKeyPair();
      const secondCredential = await new BrowserKeySigner({ keyPair: second.keyPair }).create(challenge as never);
      const created = await client.auth.createCredential({
        body: {
          credentialKind: 'Key',
          credentialInfo: secondCredential.credentialInfo,
          credentialName: 'SDK key 2',
          challengeIdentifier: (challenge as { challengeIdentifier: string }).challengeIdentifier,
        } as never,
      });
      expect(created).toMatchObject({ kind: 'Key', name: 'SDK key 2' });

      const list = (await client.auth.listCredentials()) as { items: { name: string; kind: string }[] };
      expect(list.items.map(({ name, kind }) => `${kind} ${name}`)).toEqual(['Key SDK key', 'Key SDK key 2']);
    } finally {
      await server.close();
    }
  });
});
