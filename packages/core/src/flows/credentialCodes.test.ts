import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Fetcher, FetcherRequest } from '../http/fetcher.ts';
import { credkitRejection, fido2ChallengeFixture, softwareCredentials } from '../testFixtures.ts';
import { setCredentialActive } from './credentialActivation.ts';
import { createCredentialCode, withCredentialCode } from './credentialCodes.ts';
import { registerPasskey } from './registerPasskey.ts';

function recordingFetcher(answer: (request: FetcherRequest) => unknown) {
  const requests: FetcherRequest[] = [];
  const fetcher: Fetcher = async (request) => {
    requests.push(request);
    return answer(request);
  };
  return { fetcher, requests };
}

const httpError = (status: number, message: string) =>
  Object.assign(new Error(message), { httpStatus: status, context: { body: { error: { message } } } });

describe('createCredentialCode', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-11-30T12:00:00.000Z'), toFake: ['Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('should ask for a code that expires after its lifetime and give the code', async () => {
    const { fetcher, requests } = recordingFetcher(() => ({
      code: 'ABC-DEF-GHI',
      expiration: '2026-11-30T12:02:00.000Z',
    }));
    const code = await createCredentialCode({ fetcher, lifetimeMs: 120_000 });
    expect(code).toEqual({ code: 'ABC-DEF-GHI', expiration: '2026-11-30T12:02:00.000Z' });
    expect(requests.map(({ method, path, body }) => ({ method, path, body }))).toEqual([
      { method: 'POST', path: '/auth/credentials/code', body: { expiration: '2026-11-30T12:02:00.000Z' } },
    ]);
  });

  it('should refuse an answer without a code', async () => {
    const { fetcher } = recordingFetcher(() => ({ expiration: 'soon' }));
    const error = await credkitRejection(createCredentialCode({ fetcher }));
    expect([error.code, error.phase]).toEqual(['server', 'submitting']);
  });
});

const CREATED = {
  kind: 'Fido2',
  credentialId: 'AQID',
  credentialUuid: 'cr-1',
  dateCreated: '2026-11-30T12:00:00.000Z',
  isActive: true,
  name: 'Phone',
  publicKey: 'pem',
  relyingPartyId: 'localhost',
  origin: 'http://localhost:5173',
};

describe('withCredentialCode', () => {
  it('should register through the code twins of init and POST, with the code and no other change', async () => {
    const { fetcher, requests } = recordingFetcher((request) =>
      request.path === '/auth/credentials/code/init'
        ? fido2ChallengeFixture({ rp: { id: 'localhost', name: 'credkit' }, excludeCredentials: [] })
        : {
            kind: 'Fido2',
            credentialId: 'AQID',
            credentialUuid: 'cr-1',
            dateCreated: '2026-11-30T12:00:00.000Z',
            isActive: true,
            name: 'Phone',
            publicKey: 'pem',
            relyingPartyId: 'localhost',
            origin: 'http://localhost:5173',
          },
    );
    const credential = await registerPasskey({
      fetcher: withCredentialCode(fetcher, ' ABC-DEF-GHI '),
      rp: { id: 'localhost', name: 'credkit' },
      credentialName: 'Phone',
      credentials: softwareCredentials(),
    });
    expect(credential.name).toBe('Phone');
    expect(requests.map(({ path }) => path)).toEqual(['/auth/credentials/code/init', '/auth/credentials/code/verify']);
    expect(requests[0]?.body).toEqual({ code: 'ABC-DEF-GHI', credentialKind: 'Fido2' });
    expect(requests[1]?.body).toMatchObject({ credentialKind: 'Fido2', credentialName: 'Phone' });
  });

  it('should call a code the server refuses invalid-code, and keep other failures as they are', async () => {
    const rp = { id: 'localhost', name: 'credkit' };
    const refused = recordingFetcher(() => {
      throw httpError(410, 'Code expired');
    });
    const error = await credkitRejection(
      registerPasskey({
        fetcher: withCredentialCode(refused.fetcher, 'OLD'),
        rp,
        credentialName: 'Phone',
        credentials: softwareCredentials(),
      }),
    );
    expect([error.code, error.phase, error.status, error.serverMessage]).toEqual([
      'invalid-code',
      'challenge',
      410,
      'Code expired',
    ]);

    const down = recordingFetcher(() => {
      throw httpError(503, 'maintenance');
    });
    const outage = await credkitRejection(
      registerPasskey({
        fetcher: withCredentialCode(down.fetcher, 'ABC'),
        rp,
        credentialName: 'Phone',
        credentials: softwareCredentials(),
      }),
    );
    expect([outage.code, outage.status]).toEqual(['server', 503]);
  });

  it('should not send a code again once it made a credential or was refused', async () => {
    const rp = { id: 'localhost', name: 'credkit' };
    const refused = recordingFetcher(() => {
      throw httpError(400, 'Code expired');
    });
    const refusedFetcher = withCredentialCode(refused.fetcher, 'OLD');
    const register = (fetcher: Fetcher) =>
      credkitRejection(registerPasskey({ fetcher, rp, credentialName: 'Phone', credentials: softwareCredentials() }));
    expect((await register(refusedFetcher)).status).toBe(400);
    const again = await register(refusedFetcher);
    expect([again.code, again.status, again.serverMessage]).toEqual(['invalid-code', 400, 'Code expired']);
    expect(refused.requests).toHaveLength(1);

    const { fetcher, requests } = recordingFetcher((request) =>
      request.path === '/auth/credentials/code/init'
        ? fido2ChallengeFixture({ rp, excludeCredentials: [] })
        : { ...CREATED, name: 'Phone' },
    );
    const spentFetcher = withCredentialCode(fetcher, 'ABC');
    await registerPasskey({ fetcher: spentFetcher, rp, credentialName: 'Phone', credentials: softwareCredentials() });
    expect((await register(spentFetcher)).code).toBe('invalid-code');
    expect(requests.map(({ path }) => path)).toEqual(['/auth/credentials/code/init', '/auth/credentials/code/verify']);
  });
});

describe('setCredentialActive', () => {
  it('should PUT activate or deactivate with the credential uuid', async () => {
    const { fetcher, requests } = recordingFetcher(() => ({ message: 'ok' }));
    await setCredentialActive({ fetcher, credentialUuid: 'cr-1', active: false });
    await setCredentialActive({ fetcher, credentialUuid: 'cr-1', active: true });
    expect(requests.map(({ method, path, body }) => ({ method, path, body }))).toEqual([
      { method: 'PUT', path: '/auth/credentials/deactivate', body: { credentialUuid: 'cr-1' } },
      { method: 'PUT', path: '/auth/credentials/activate', body: { credentialUuid: 'cr-1' } },
    ]);
  });
});
