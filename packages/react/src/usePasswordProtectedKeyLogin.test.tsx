import { onlineManager } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { createTestQueryClient, fakeFetcher, wrapperFor } from './test/utils.tsx';
import { usePasswordProtectedKeyLogin } from './usePasswordProtectedKeyLogin.ts';

const lockedChallenge = {
  challenge: 'login',
  challengeIdentifier: 'ci',
  allowCredentials: { webauthn: [], key: [], passwordProtectedKey: [{ id: 'ppk-1' }] },
};

describe('usePasswordProtectedKeyLogin', () => {
  it('should send the code, say so, and ask for a new one when the server hands out no key', async () => {
    const { fetcher, requests } = fakeFetcher({
      'POST /auth/login/code': () => ({ message: 'sent' }),
      'POST /auth/login/init': () => lockedChallenge,
    });
    const onError = vi.fn();
    const { result } = renderHook(
      () => usePasswordProtectedKeyLogin({ fetcher, orgId: 'or-1', origin: 'http://localhost:5173', onError }),
      { wrapper: wrapperFor(createTestQueryClient()) },
    );
    act(() => result.current.sendCode('ada@example.com'));
    await waitFor(() => expect(result.current.codeStatus).toBe('sent'));
    expect(requests[0]?.body).toEqual({ username: 'ada@example.com', orgId: 'or-1' });

    act(() => result.current.signIn({ username: 'ada@example.com', loginCode: '0000', password: 'password1' }));
    await waitFor(() => expect(result.current.error?.code).toBe('login-code-required'));
    expect(onError).toHaveBeenCalledTimes(1);

    // A new code starts a new attempt.
    act(() => result.current.sendCode('ada@example.com'));
    expect(result.current.phase).toBe('idle');
    expect(result.current.error).toBeNull();
  });

  it('should fail as network, not pause, when the code is sent offline', async () => {
    onlineManager.setOnline(false);
    onTestFinished(() => onlineManager.setOnline(true));
    const { fetcher } = fakeFetcher({
      'POST /auth/login/code': () => Promise.reject(new TypeError('Failed to fetch')),
    });
    const { result } = renderHook(() => usePasswordProtectedKeyLogin({ fetcher, orgId: 'or-1' }), {
      wrapper: wrapperFor(createTestQueryClient()),
    });
    act(() => result.current.sendCode('ada@example.com'));
    await waitFor(() => expect(result.current.codeStatus).toBe('error'));
    expect(result.current.codeError?.code).toBe('network');
  });
});
