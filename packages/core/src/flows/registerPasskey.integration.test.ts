// The kit's encoding checked by the independent verifier: core → in-process mock backend, with the
// mock's software authenticator standing in for navigator.credentials (the real browser is e2e's job).
import { createMockBackend } from '@credkit/mock-backend';
import { describe, expect, it } from 'vitest';
import { CredkitError } from '../errors/credkitError.ts';
import { createFetcher } from '../http/fetcher.ts';
import { softwareCredentials } from '../testFixtures.ts';
import { listCredentials } from './listCredentials.ts';
import { registerPasskey } from './registerPasskey.ts';

const ORIGIN = 'http://localhost:5173';

function setup() {
  const backend = createMockBackend({
    origins: [ORIGIN],
    rpId: 'localhost',
    token: 'test-token',
    userActionSigning: 'off',
  });
  const fetcher = createFetcher({
    baseUrl: 'http://mock.test',
    headers: { Authorization: 'Bearer test-token' },
    fetch: (input, init) => backend.fetch(new Request(input, init)),
  });
  return { fetcher };
}

describe('registerPasskey against the mock backend', () => {
  it('should register a credential the mock verifies and lists', async () => {
    const { fetcher } = setup();
    const created = await registerPasskey({
      fetcher,
      rp: { id: 'localhost', name: 'credkit' },
      credentialName: 'Software key',
      credentials: softwareCredentials(),
    });
    expect(created.kind).toBe('Fido2');
    expect(created.name).toBe('Software key');
    expect(created.relyingPartyId).toBe('localhost');
    expect(created.origin).toBe(ORIGIN);
    expect((await listCredentials(fetcher)).map((c) => c.credentialId)).toEqual([created.credentialId]);
  });

  it("should name a passkey left without a name after its provider, from the attestation's AAGUID", async () => {
    const { fetcher } = setup();
    const rp = { id: 'localhost', name: 'credkit' };
    const google = await registerPasskey({
      fetcher,
      rp,
      credentials: softwareCredentials(ORIGIN, 'ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4'),
    });
    expect(google.name).toBe('Google Password Manager');
    const blank = await registerPasskey({
      fetcher,
      rp,
      credentialName: '  ',
      credentials: softwareCredentials(ORIGIN, 'fbfc3007-154e-4ecc-8c0b-6e020557d7bd'),
    });
    expect(blank.name).toBe('Apple Passwords');
    // All zeros (no attestation) and an AAGUID the list does not know: "Passkey".
    const zeros = await registerPasskey({ fetcher, rp, credentials: softwareCredentials(ORIGIN) });
    expect(zeros.name).toBe('Passkey');
    const unknown = await registerPasskey({
      fetcher,
      rp,
      credentials: softwareCredentials(ORIGIN, '01020304-0506-0708-0102-030405060708'),
    });
    expect(unknown.name).toBe('Passkey');
  });

  it("should surface the mock's refusal of a foreign origin as a server error with its message", async () => {
    const { fetcher } = setup();
    const error = await registerPasskey({
      fetcher,
      rp: { id: 'localhost', name: 'credkit' },
      credentialName: 'Foreign',
      credentials: softwareCredentials('https://evil.example'),
    }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(CredkitError);
    expect((error as CredkitError).code).toBe('server');
    expect((error as CredkitError).status).toBe(400);
    expect((error as CredkitError).serverMessage).toContain('https://evil.example');
  });

  it('should turn a missing token into a server error with status 401', async () => {
    const backend = createMockBackend();
    const fetcher = createFetcher({
      baseUrl: 'http://mock.test',
      fetch: (input, init) => backend.fetch(new Request(input, init)),
    });
    const error = (await listCredentials(fetcher).catch((reason: unknown) => reason)) as CredkitError;
    expect([error.code, error.status]).toEqual(['server', 401]);
  });
});
