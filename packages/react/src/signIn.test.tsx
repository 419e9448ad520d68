import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createdCredential, createTestQueryClient, deferred, fakeFetcher, wrapperFor } from './test/utils.tsx';
import { useCredentialCode } from './useCredentialCode.ts';
import { useCredentials } from './useCredentials.ts';
import { usePasskeyLogin } from './usePasskeyLogin.ts';
import { useSetCredentialActive } from './useSetCredentialActive.ts';

const loginChallenge = {
  challenge: 'login',
  challengeIdentifier: 'ci',
  userVerification: 'required',
  allowCredentials: { webauthn: [], key: [] },
};

const assertion = {
  rawId: new Uint8Array([1, 2, 3]).buffer,
  response: {
    clientDataJSON: new Uint8Array([4]).buffer,
    authenticatorData: new Uint8Array([5]).buffer,
    signature: new Uint8Array([6]).buffer,
  },
} as unknown as Credential;

describe('usePasskeyLogin', () => {
  it('should go through the phases to the token, and call onSignedIn', async () => {
    const prompt = deferred<Credential | null>();
    const { fetcher, requests } = fakeFetcher({
      'POST /auth/login/init': () => loginChallenge,
      'POST /auth/login': () => ({ token: 'tok' }),
    });
    const onSignedIn = vi.fn();
    const { result } = renderHook(
      () => usePasskeyLogin({ fetcher, orgId: 'or-1', credentials: { get: () => prompt.promise }, onSignedIn }),
      { wrapper: wrapperFor(createTestQueryClient()) },
    );
    act(() => result.current.signIn('ada@example.com'));
    await waitFor(() => expect(result.current.phase).toBe('signing'));
    prompt.resolve(assertion);
    await waitFor(() => expect(result.current.phase).toBe('success'));
    expect(result.current.login).toEqual({ token: 'tok' });
    expect(onSignedIn).toHaveBeenCalledWith({ token: 'tok' });
    expect(requests[0]?.body).toEqual({ orgId: 'or-1', username: 'ada@example.com' });
  });

  it('should end cancelled on cancel(), without posting', async () => {
    const { fetcher, requests } = fakeFetcher({ 'POST /auth/login/init': () => loginChallenge });
    const { result } = renderHook(
      () => usePasskeyLogin({ fetcher, orgId: 'or-1', credentials: { get: () => new Promise(() => undefined) } }),
      { wrapper: wrapperFor(createTestQueryClient()) },
    );
    act(() => result.current.signIn());
    await waitFor(() => expect(result.current.phase).toBe('signing'));
    act(() => result.current.cancel());
    await waitFor(() => expect(result.current.error?.code).toBe('cancelled'));
    expect(requests.map((request) => request.path)).toEqual(['/auth/login/init']);
  });
});

describe('useCredentialCode', () => {
  it('should make a code and keep it', async () => {
    const { fetcher } = fakeFetcher({
      'POST /auth/credentials/code': () => ({ code: 'ABC-DEF', expiration: '2099-01-01T00:00:00.000Z' }),
    });
    const { result } = renderHook(() => useCredentialCode({ fetcher }), {
      wrapper: wrapperFor(createTestQueryClient()),
    });
    act(() => result.current.createCode());
    await waitFor(() => expect(result.current.phase).toBe('success'));
    expect(result.current.code).toEqual({ code: 'ABC-DEF', expiration: '2099-01-01T00:00:00.000Z' });
  });
});

describe('useSetCredentialActive', () => {
  it('should PUT the change and refresh the credential list', async () => {
    let active = true;
    const { fetcher, requests } = fakeFetcher({
      'PUT /auth/credentials/deactivate': () => {
        active = false;
        return { message: 'ok' };
      },
      'GET /auth/credentials': () => ({ items: [{ ...createdCredential, credentialUuid: 'cr-1', isActive: active }] }),
    });
    const { result } = renderHook(
      () => ({ list: useCredentials(fetcher), change: useSetCredentialActive({ fetcher }) }),
      { wrapper: wrapperFor(createTestQueryClient()) },
    );
    await waitFor(() => expect(result.current.list.data?.[0]?.isActive).toBe(true));
    act(() => result.current.change.mutate({ credentialUuid: 'cr-1', active: false }));
    await waitFor(() => expect(result.current.list.data?.[0]?.isActive).toBe(false));
    expect(requests.filter((request) => request.method === 'PUT').map((request) => request.body)).toEqual([
      { credentialUuid: 'cr-1' },
    ]);
  });
});
