import { describe, expect, it, vi } from 'vitest';
import type { Fetcher } from '../http/fetcher.ts';
import { KEY_ALGORITHM } from '../keys/keyCredentialInfo.ts';
import { wrapPrivateKey } from '../keys/privateKeyWrapping.ts';
import { createPasswordProtectedKeyLoginController } from './passwordProtectedKeyLoginController.ts';

async function fetcherWithKey(password: string): Promise<Fetcher> {
  const { privateKey } = await crypto.subtle.generateKey(KEY_ALGORITHM, true, ['sign', 'verify']);
  const encryptedPrivateKey = await wrapPrivateKey(await crypto.subtle.exportKey('pkcs8', privateKey), password);
  return vi.fn(async ({ path }) => {
    if (path === '/auth/login/init') {
      return {
        challenge: 'c',
        challengeIdentifier: 'ci',
        allowCredentials: { webauthn: [], key: [], passwordProtectedKey: [{ id: 'ppk-1', encryptedPrivateKey }] },
      };
    }
    return { token: 'token-of-ada' };
  });
}

describe('createPasswordProtectedKeyLoginController', () => {
  it('should sign in, and not keep the password for a retry after a failure', async () => {
    const fetcher = await fetcherWithKey('correct horse battery');
    const onSignedIn = vi.fn();
    const login = createPasswordProtectedKeyLoginController({
      fetcher,
      orgId: 'or-1',
      origin: 'http://localhost:5173',
      onSignedIn,
    });
    const input = { username: 'ada@example.com', loginCode: '1234', password: 'wrong password' };

    login.start(input);
    await vi.waitFor(() => expect(login.getSnapshot().phase).toBe('error'));
    expect(login.getSnapshot().error?.code).toBe('wrong-password');
    login.retry();
    expect(login.getSnapshot().phase).toBe('error');

    login.start({ ...input, password: 'correct horse battery' });
    await vi.waitFor(() => expect(login.getSnapshot().phase).toBe('success'));
    expect(login.getSnapshot().data).toEqual({ token: 'token-of-ada' });
    expect(onSignedIn).toHaveBeenCalledWith({ token: 'token-of-ada' });
  });
});
