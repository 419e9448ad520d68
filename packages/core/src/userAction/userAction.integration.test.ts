// Dfns user-action signing end to end in Node: a user registers with a Key (registerUser), then adds
// a passkey to their account, the change confirmed by that key (X-DFNS-USERACTION), against the mock
// with signing required.
import { createMockBackend } from '@credkit/mock-backend';
import { describe, expect, it } from 'vitest';
import { listCredentials } from '../flows/listCredentials.ts';
import { registerPasskey } from '../flows/registerPasskey.ts';
import { createFetcher, type FetcherRequest } from '../http/fetcher.ts';
import { credkitRejection, signUpWithKey, softwareCredentials } from '../testFixtures.ts';
import { createKeyUserActionSigner } from './keyUserActionSigner.ts';
import { withUserActionProtocol } from './userAction.ts';

const ORIGIN = 'http://localhost:5173';
const rp = { id: 'localhost', name: 'credkit' };

async function signedUpUser() {
  const backend = createMockBackend({ origins: [ORIGIN] });
  const sent: FetcherRequest[] = [];
  let token: string | undefined;
  const base = createFetcher({
    baseUrl: 'http://mock.test',
    headers: (): Record<string, string> => (token ? { Authorization: `Bearer ${token}` } : {}),
    fetch: (input, init) => backend.fetch(new Request(input, init)),
  });
  const fetcher = (request: FetcherRequest) => {
    sent.push(request);
    return base(request);
  };
  const { registration, keyId, privateKey } = await signUpWithKey(fetcher, (userToken) => {
    token = userToken;
    return fetcher;
  });
  return { fetcher, sent, registration, keyId, privateKey };
}

describe('user registration and user-action signing against the mock', () => {
  it('should register a user with a Key, then add a passkey confirmed by that key', async () => {
    const { fetcher, sent, registration, keyId, privateKey } = await signedUpUser();
    expect(registration.user.username).toBe('ada@example.com');
    expect(registration.credential.kind).toBe('Key');

    const phases: string[] = [];
    const created = await registerPasskey({
      fetcher,
      rp,
      credentialName: 'Second: a passkey',
      credentials: softwareCredentials(),
      userActionSigner: createKeyUserActionSigner({ credId: keyId, privateKey, origin: ORIGIN }),
      onPhase: (phase) => phases.push(phase),
    });
    expect(created.kind).toBe('Fido2');
    expect(phases).toEqual(['challenge', 'ceremony', 'signing', 'submitting']);
    expect((await listCredentials(fetcher)).map((credential) => credential.kind)).toEqual(['Key', 'Fido2']);

    // The text signed is the text sent, byte for byte.
    const init = sent.find((request) => request.path === '/auth/action/init');
    const post = sent.find((request) => request.path === '/auth/credentials' && request.method === 'POST');
    expect(init?.body).toMatchObject({ userActionPayload: post?.bodyText });
    expect(post?.bodyText).toBe(JSON.stringify(post?.body));
    expect(post?.headers?.['X-DFNS-USERACTION']).toMatch(/^ua-/);
  });

  it('should be forbidden without signing, and say so when no credential can sign', async () => {
    const { fetcher } = await signedUpUser();
    const unsigned = await credkitRejection(
      registerPasskey({ fetcher, rp, credentialName: 'x', credentials: softwareCredentials() }),
    );
    expect([unsigned.code, unsigned.status, unsigned.serverMessage]).toEqual([
      'forbidden',
      403,
      'user action signature is missing or invalid',
    ]);

    const passkeysOnly = withUserActionProtocol({
      sign: async (challenge) => {
        expect(challenge.allowCredentials.webauthn).toEqual([]);
        const { createWebAuthnUserActionSigner } = await import('./webAuthnUserActionSigner.ts');
        return createWebAuthnUserActionSigner({ credentials: { get: async () => null } }).sign(challenge);
      },
    });
    const noPasskey = await credkitRejection(
      registerPasskey({
        fetcher,
        rp,
        credentialName: 'x',
        credentials: softwareCredentials(),
        userActionSigner: passkeysOnly,
      }),
    );
    expect([noPasskey.code, noPasskey.phase]).toEqual(['no-signing-credential', 'signing']);
  });
});
