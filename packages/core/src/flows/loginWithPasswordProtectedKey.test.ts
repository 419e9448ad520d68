import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64url } from '../encoding/base64url.ts';
import type { Fetcher, FetcherRequest } from '../http/fetcher.ts';
import { KEY_ALGORITHM } from '../keys/keyCredentialInfo.ts';
import { wrapPrivateKey } from '../keys/privateKeyWrapping.ts';
import { credkitRejection } from '../testFixtures.ts';
import { loginWithPasswordProtectedKey, sendLoginCode } from './loginWithPasswordProtectedKey.ts';

const ORIGIN = 'http://localhost:5173';
const PASSWORD = 'correct horse battery';
let encryptedPrivateKey = '';

beforeAll(async () => {
  const { privateKey } = await crypto.subtle.generateKey(KEY_ALGORITHM, true, ['sign', 'verify']);
  encryptedPrivateKey = await wrapPrivateKey(await crypto.subtle.exportKey('pkcs8', privateKey), PASSWORD);
});

function loginChallenge(passwordProtectedKey: { id: string; encryptedPrivateKey?: string }[]) {
  return {
    challenge: 'login-challenge-1',
    challengeIdentifier: 'ci-1',
    allowCredentials: { webauthn: [], key: [], passwordProtectedKey },
  };
}

function loginFetcher(keys: () => { id: string; encryptedPrivateKey?: string }[]) {
  const requests: FetcherRequest[] = [];
  const fetcher: Fetcher = async (request) => {
    requests.push(request);
    if (request.path === '/auth/login/init') return loginChallenge(keys());
    if (request.path === '/auth/login') return { token: 'token-of-ada' };
    if (request.path === '/auth/login/code') return { message: 'sent' };
    throw new Error(`unexpected ${request.path}`);
  };
  return { fetcher, requests };
}

const signIn = (fetcher: Fetcher, password = PASSWORD) =>
  loginWithPasswordProtectedKey({
    fetcher,
    orgId: 'or-1',
    username: 'ada@example.com',
    password,
    loginCode: ' 1234-5678 ',
    origin: ORIGIN,
  });

describe('sendLoginCode', () => {
  it('should ask the server to e-mail a login code', async () => {
    const { fetcher, requests } = loginFetcher(() => []);
    await sendLoginCode({ fetcher, orgId: 'or-1', username: 'ada@example.com' });
    expect(requests.map(({ method, path, body }) => ({ method, path, body }))).toEqual([
      { method: 'POST', path: '/auth/login/code', body: { username: 'ada@example.com', orgId: 'or-1' } },
    ]);
  });
});

describe('loginWithPasswordProtectedKey', () => {
  it('should open the key the code unlocked with the password, sign the challenge and give the token', async () => {
    const { fetcher, requests } = loginFetcher(() => [{ id: 'ppk-1', encryptedPrivateKey }]);
    const phases: string[] = [];
    const login = await loginWithPasswordProtectedKey({
      fetcher,
      orgId: 'or-1',
      username: 'ada@example.com',
      password: PASSWORD,
      loginCode: ' 1234-5678 ',
      origin: ORIGIN,
      onPhase: (phase) => phases.push(phase),
    });

    expect(login).toEqual({ token: 'token-of-ada' });
    expect(phases).toEqual(['challenge', 'signing', 'submitting']);
    expect(requests[0]?.body).toEqual({ orgId: 'or-1', username: 'ada@example.com', loginCode: '1234-5678' });
    const sent = requests[1]?.body as {
      challengeIdentifier: string;
      firstFactor: { kind: string; credentialAssertion: { credId: string; clientData: string } };
    };
    expect(sent.challengeIdentifier).toBe('ci-1');
    expect(sent.firstFactor.kind).toBe('PasswordProtectedKey');
    expect(sent.firstFactor.credentialAssertion.credId).toBe('ppk-1');
    const clientData = JSON.parse(
      new TextDecoder().decode(fromBase64url(sent.firstFactor.credentialAssertion.clientData)),
    );
    expect(clientData).toMatchObject({ type: 'key.get', origin: ORIGIN });
    // The password never leaves the page.
    expect(JSON.stringify(requests.map((request) => request.body))).not.toContain(PASSWORD);
  });

  it('should sign with the key the password opens when the user has several', async () => {
    const { privateKey } = await crypto.subtle.generateKey(KEY_ALGORITHM, true, ['sign', 'verify']);
    const other = await wrapPrivateKey(await crypto.subtle.exportKey('pkcs8', privateKey), 'another password');
    const { fetcher, requests } = loginFetcher(() => [
      { id: 'ppk-other', encryptedPrivateKey: other },
      { id: 'ppk-1', encryptedPrivateKey },
    ]);
    await signIn(fetcher);
    expect(requests[1]?.body).toMatchObject({ firstFactor: { credentialAssertion: { credId: 'ppk-1' } } });
  });

  it('should end wrong-password, sending nothing more, when the password opens no key', async () => {
    const { fetcher, requests } = loginFetcher(() => [{ id: 'ppk-1', encryptedPrivateKey }]);
    const error = await credkitRejection(signIn(fetcher, 'not the password'));
    expect([error.code, error.phase]).toEqual(['wrong-password', 'signing']);
    expect(requests.map((request) => request.path)).toEqual(['/auth/login/init']);
  });

  it('should say a login code is needed when the key comes without its encrypted private key', async () => {
    for (const keys of [[{ id: 'ppk-1' }], [{ id: 'ppk-1', encryptedPrivateKey: '' }]]) {
      const { fetcher, requests } = loginFetcher(() => keys);
      const error = await credkitRejection(signIn(fetcher));
      expect([error.code, error.phase]).toEqual(['login-code-required', 'challenge']);
      expect(requests).toHaveLength(1);
    }
  });

  it('should refuse a user without a password-protected key, and an empty password before any request', async () => {
    const none = loginFetcher(() => []);
    expect((await credkitRejection(signIn(none.fetcher))).code).toBe('no-signing-credential');

    const empty = loginFetcher(() => []);
    const error = await credkitRejection(signIn(empty.fetcher, ''));
    expect([error.code, error.field]).toEqual(['invalid-input', 'password']);
    expect(empty.requests).toEqual([]);
  });
});
