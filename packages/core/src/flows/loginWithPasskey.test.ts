import { describe, expect, it, vi } from 'vitest';
import { fromBase64url, toBase64url, utf8 } from '../encoding/base64url.ts';
import type { Fetcher, FetcherRequest } from '../http/fetcher.ts';
import { credkitRejection } from '../testFixtures.ts';
import type { CredentialGetter } from '../webauthn/browserGet.ts';
import { loginWithPasskey } from './loginWithPasskey.ts';

const challenge = {
  challenge: 'login-challenge-1',
  challengeIdentifier: 'ci-1',
  userVerification: 'required',
  allowCredentials: { webauthn: [{ type: 'public-key', id: 'AQID' }], key: [] },
  supportedCredentialKinds: [{ kind: 'Fido2', factor: 'first', requiresSecondFactor: false }],
};

function loginFetcher(answers: Partial<Record<string, (request: FetcherRequest) => unknown>> = {}) {
  const requests: FetcherRequest[] = [];
  const fetcher: Fetcher = async (request) => {
    requests.push(request);
    const answer = answers[request.path];
    if (answer) return answer(request);
    if (request.path === '/auth/login/init') return challenge;
    if (request.path === '/auth/login') return { token: 'token-of-ada' };
    throw new Error(`unexpected ${request.path}`);
  };
  return { fetcher, requests };
}

const bytes = (...values: number[]) => new Uint8Array(values).buffer;

function fakeGetter(get?: CredentialGetter['get']): CredentialGetter {
  return {
    get: vi.fn(
      get ??
        (async () =>
          ({
            rawId: bytes(1, 2, 3),
            response: {
              clientDataJSON: bytes(4),
              authenticatorData: bytes(5),
              signature: bytes(6),
              userHandle: bytes(7),
            },
          }) as unknown as Credential),
    ),
  };
}

describe('loginWithPasskey', () => {
  it('should run login/init → get() → login and give the token', async () => {
    const { fetcher, requests } = loginFetcher();
    const credentials = fakeGetter();
    const phases: string[] = [];
    const login = await loginWithPasskey({
      fetcher,
      orgId: 'or-1',
      username: 'ada@example.com',
      credentials,
      onPhase: (phase) => phases.push(phase),
    });

    expect(login).toEqual({ token: 'token-of-ada' });
    expect(phases).toEqual(['challenge', 'signing', 'submitting']);
    expect(requests.map(({ method, path, body }) => ({ method, path, body }))).toEqual([
      { method: 'POST', path: '/auth/login/init', body: { orgId: 'or-1', username: 'ada@example.com' } },
      {
        method: 'POST',
        path: '/auth/login',
        body: {
          challengeIdentifier: 'ci-1',
          firstFactor: {
            kind: 'Fido2',
            credentialAssertion: {
              credId: 'AQID',
              clientData: 'BA',
              authenticatorData: 'BQ',
              signature: 'Bg',
              userHandle: 'Bw',
            },
          },
        },
      },
    ]);
    // The Dfns byte rules: the challenge's UTF-8 bytes, the allowed ids decoded.
    const { publicKey } = vi.mocked(credentials.get).mock.calls[0]?.[0] ?? {};
    expect(toBase64url(publicKey?.challenge as ArrayBuffer)).toBe(toBase64url(utf8('login-challenge-1')));
    expect(publicKey?.allowCredentials?.map(({ id }) => toBase64url(id as ArrayBuffer))).toEqual([
      toBase64url(fromBase64url('AQID')),
    ]);
  });

  it('should sign in without a username with any passkey of this site (an empty allow list)', async () => {
    const { fetcher, requests } = loginFetcher({
      '/auth/login/init': () => ({ ...challenge, allowCredentials: { webauthn: [], key: [] } }),
    });
    const credentials = fakeGetter();
    await loginWithPasskey({ fetcher, orgId: 'or-1', credentials });
    expect(requests[0]?.body).toEqual({ orgId: 'or-1' });
    expect(vi.mocked(credentials.get).mock.calls[0]?.[0].publicKey?.allowCredentials).toEqual([]);
  });

  it('should end cancelled, sending nothing more, when the person closes the prompt', async () => {
    const { fetcher, requests } = loginFetcher();
    const credentials = fakeGetter(() => Promise.reject(new DOMException('closed', 'NotAllowedError')));
    const error = await credkitRejection(loginWithPasskey({ fetcher, orgId: 'or-1', credentials }));
    expect([error.code, error.phase]).toEqual(['cancelled', 'signing']);
    expect(requests.map((request) => request.path)).toEqual(['/auth/login/init']);
  });

  it("should keep the server's refusal and reject an answer without a token", async () => {
    const refused = loginFetcher({
      '/auth/login': () => {
        throw Object.assign(new Error('x'), {
          httpStatus: 401,
          context: { body: { error: { message: 'Credential is deactivated' } } },
        });
      },
    });
    const error = await credkitRejection(
      loginWithPasskey({ fetcher: refused.fetcher, orgId: 'or-1', credentials: fakeGetter() }),
    );
    expect([error.code, error.phase, error.status, error.serverMessage]).toEqual([
      'server',
      'submitting',
      401,
      'Credential is deactivated',
    ]);

    const empty = loginFetcher({ '/auth/login': () => ({ token: '' }) });
    const invalid = await credkitRejection(
      loginWithPasskey({ fetcher: empty.fetcher, orgId: 'or-1', credentials: fakeGetter() }),
    );
    expect([invalid.code, invalid.phase]).toEqual(['server', 'submitting']);
    expect(invalid.message).toContain('login answer');
  });

  // Issue 27: such ids rejected with a raw TypeError or DOMException from the base64url codec.
  it("should refuse an allowCredentials id that is not base64url as the server's fault, before any prompt", async () => {
    for (const id of ['a+b/', 'abcde', 'AQ==x']) {
      const { fetcher, requests } = loginFetcher({
        '/auth/login/init': () => ({
          ...challenge,
          allowCredentials: { webauthn: [{ type: 'public-key', id }], key: [] },
        }),
      });
      const credentials = fakeGetter();
      const error = await credkitRejection(loginWithPasskey({ fetcher, orgId: 'or-1', credentials }));
      expect([error.code, error.phase]).toEqual(['server', 'challenge']);
      expect(error.message).toBe(
        'The server sent an invalid login challenge: allowCredentials.webauthn[0].id must be base64url.',
      );
      expect(credentials.get).not.toHaveBeenCalled();
      expect(requests.map((request) => request.path)).toEqual(['/auth/login/init']);
    }
  });

  // Issue 27: such a token was taken, and failed as `network` when the host sent it as a header.
  it('should refuse a token that cannot go into an HTTP header as server, when it is received', async () => {
    for (const token of ['abc\r\nX-Evil: 1', 'a b', 'tök\u0000en']) {
      const { fetcher } = loginFetcher({ '/auth/login': () => ({ token }) });
      const error = await credkitRejection(loginWithPasskey({ fetcher, orgId: 'or-1', credentials: fakeGetter() }));
      expect([error.code, error.phase]).toEqual(['server', 'submitting']);
      expect(error.message).toBe(
        'The server sent an invalid login answer: token must be visible ASCII characters only (it is sent in an HTTP header).',
      );
    }
  });

  it('should say a login code is needed, before any prompt, when the user has only a password-protected key', async () => {
    const { fetcher, requests } = loginFetcher({
      '/auth/login/init': () => ({
        ...challenge,
        allowCredentials: { webauthn: [], key: [], passwordProtectedKey: [{ type: 'public-key', id: 'ppk-1' }] },
      }),
    });
    const credentials = fakeGetter();
    const error = await credkitRejection(
      loginWithPasskey({ fetcher, orgId: 'or-1', username: 'ada@example.com', credentials }),
    );
    expect([error.code, error.phase]).toEqual(['login-code-required', 'challenge']);
    expect(credentials.get).not.toHaveBeenCalled();
    expect(requests).toHaveLength(1);
  });
});

describe('loginWithPasskey: where the passkey was (authenticatorAttachment)', () => {
  const assertionOn = (authenticatorAttachment: unknown) =>
    fakeGetter(
      async () =>
        ({
          rawId: bytes(1, 2, 3),
          authenticatorAttachment,
          response: { clientDataJSON: bytes(4), authenticatorData: bytes(5), signature: bytes(6) },
        }) as unknown as Credential,
    );

  it.each(['platform', 'cross-platform'] as const)(
    'should give "%s" with the token, and never send it to the server',
    async (attachment) => {
      const { fetcher, requests } = loginFetcher();
      const login = await loginWithPasskey({ fetcher, orgId: 'or-1', credentials: assertionOn(attachment) });
      expect(login).toEqual({ token: 'token-of-ada', authenticatorAttachment: attachment });
      expect(JSON.stringify(requests[1]?.body)).not.toContain('platform');
      expect(requests[1]?.body).toEqual({
        challengeIdentifier: 'ci-1',
        firstFactor: {
          kind: 'Fido2',
          credentialAssertion: { credId: 'AQID', clientData: 'BA', authenticatorData: 'BQ', signature: 'Bg' },
        },
      });
    },
  );

  it('should leave it out where the browser does not say, says something else, or its getter throws', async () => {
    const throwing = fakeGetter(
      async () =>
        ({
          rawId: bytes(1, 2, 3),
          get authenticatorAttachment(): never {
            throw new TypeError('Illegal invocation');
          },
          response: { clientDataJSON: bytes(4), authenticatorData: bytes(5), signature: bytes(6) },
        }) as unknown as Credential,
    );
    for (const credentials of [assertionOn(null), assertionOn('bluetooth'), throwing]) {
      const login = await loginWithPasskey({ fetcher: loginFetcher().fetcher, orgId: 'or-1', credentials });
      expect(login).toEqual({ token: 'token-of-ada' });
    }
  });
});

describe('loginWithPasskey with mediation conditional (autofill)', () => {
  it('should pass the mediation to get() and send no username', async () => {
    const { fetcher, requests } = loginFetcher();
    const credentials = fakeGetter();
    await loginWithPasskey({ fetcher, orgId: 'or-1', credentials, mediation: 'conditional' });
    expect(requests[0]?.body).toEqual({ orgId: 'or-1' });
    expect(vi.mocked(credentials.get).mock.calls[0]?.[0]).toMatchObject({ mediation: 'conditional' });
  });

  it('should refuse a username before anything is fetched', async () => {
    const { fetcher, requests } = loginFetcher();
    const error = await credkitRejection(
      loginWithPasskey({
        fetcher,
        orgId: 'or-1',
        username: 'ada@example.com',
        credentials: fakeGetter(),
        mediation: 'conditional',
      }),
    );
    expect(error.code).toBe('invalid-input');
    expect(requests).toHaveLength(0);
  });
});
