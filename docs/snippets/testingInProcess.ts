// A unit test of your own registration code: the mock in-process, its software authenticator in
// place of navigator.credentials. The mock verifies what it receives, as Dfns would.
import { createFetcher, registerPasskey } from '@credkit/core';
import { createMockBackend } from '@credkit/mock-backend';
import { createSoftwareAuthenticator } from '@credkit/mock-backend/testing';
import { expect, it } from 'vitest';

it('registers a passkey the server verifies', async () => {
  const backend = createMockBackend({
    origins: ['http://localhost:5173'],
    token: 'test-token',
    userActionSigning: 'off',
  });
  const fetcher = createFetcher({
    baseUrl: 'http://mock.test',
    headers: { Authorization: 'Bearer test-token' },
    fetch: (input, init) => backend.fetch(new Request(input, init)),
  });
  const authenticator = createSoftwareAuthenticator();
  const credential = await registerPasskey({
    fetcher,
    rp: { id: 'localhost', name: 'Tests' },
    credentialName: 'Software passkey',
    credentials: {
      async create(options) {
        const publicKey = options.publicKey as PublicKeyCredentialCreationOptions;
        const challenge = new TextDecoder().decode(publicKey.challenge as Uint8Array);
        const info = await authenticator.register({ challenge, rpId: 'localhost', origin: 'http://localhost:5173' });
        const bytes = (base64url: string) => Buffer.from(base64url, 'base64url');
        return {
          id: info.credId,
          type: 'public-key',
          rawId: bytes(info.credId),
          response: { clientDataJSON: bytes(info.clientData), attestationObject: bytes(info.attestationData) },
        } as unknown as Credential;
      },
    },
  });
  expect(credential.name).toBe('Software passkey');
});
