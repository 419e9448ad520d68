import { describe, expect, it } from 'vitest';
import type { Fetcher, FetcherRequest } from '../http/fetcher.ts';
import type { UserActionSigner } from './userAction.ts';
import { withUserActionSigning } from './withUserActionSigning.ts';

/** A fake Dfns API: the user-action endpoints, and every other call answered with its own path. */
function fakeApi() {
  const requests: FetcherRequest[] = [];
  const fetcher: Fetcher = async (request) => {
    requests.push(request);
    if (request.path === '/auth/action/init') {
      return {
        challenge: 'sign me',
        challengeIdentifier: 'ch-1',
        allowCredentials: { webauthn: [{ type: 'public-key', id: 'AQID' }], key: [] },
      };
    }
    if (request.path === '/auth/action') return { userAction: 'token-1' };
    return { path: request.path };
  };
  return { fetcher, requests };
}

const signer: UserActionSigner = {
  sign: async () => ({
    kind: 'Fido2',
    credentialAssertion: { credId: 'AQID', clientData: 'cd', authenticatorData: 'ad', signature: 'sig' },
  }),
};

describe('withUserActionSigning', () => {
  it('should confirm a change-inducing request with a user action first', async () => {
    const api = fakeApi();
    const fetcher = withUserActionSigning(api.fetcher, signer);
    await expect(fetcher({ method: 'POST', path: '/wallets', body: { network: 'Ethereum' } })).resolves.toEqual({
      path: '/wallets',
    });
    expect(api.requests.map(({ path }) => path)).toEqual(['/auth/action/init', '/auth/action', '/wallets']);
    expect(api.requests[0]?.body).toMatchObject({ userActionPayload: '{"network":"Ethereum"}' });
    expect(api.requests[2]?.headers).toEqual({ 'X-DFNS-USERACTION': 'token-1' });
    expect(api.requests[2]?.bodyText).toBe('{"network":"Ethereum"}');
  });

  it('should send reads and the auth flows as they are', async () => {
    const api = fakeApi();
    const fetcher = withUserActionSigning(api.fetcher, signer);
    await fetcher({ method: 'GET', path: '/wallets' });
    await fetcher({ method: 'POST', path: '/auth/credentials/init', body: { kind: 'Fido2' } });
    await fetcher({ method: 'POST', path: '/auth/login' });
    expect(api.requests.map(({ path }) => path)).toEqual(['/wallets', '/auth/credentials/init', '/auth/login']);
  });

  it('should sign exactly the requests shouldSign picks', async () => {
    const api = fakeApi();
    const fetcher = withUserActionSigning(api.fetcher, signer, { shouldSign: ({ path }) => path === '/auth/login' });
    await fetcher({ method: 'POST', path: '/wallets' });
    await fetcher({ method: 'POST', path: '/auth/login' });
    expect(api.requests.map(({ path }) => path)).toEqual([
      '/wallets',
      '/auth/action/init',
      '/auth/action',
      '/auth/login',
    ]);
  });
});
