import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { credentialsQueryKey } from './queryKeys.ts';
import { createdCredential, createTestQueryClient, fakeFetcher, wrapperFor } from './test/utils.tsx';
import { useLogout } from './useLogout.ts';

describe('useLogout', () => {
  it('should end the token and drop the cached credential list', async () => {
    const { fetcher, requests } = fakeFetcher({ 'PUT /auth/logout': () => ({ message: 'Logged out' }) });
    const client = createTestQueryClient();
    client.setQueryData(credentialsQueryKey, [createdCredential]);
    const { result } = renderHook(() => useLogout({ fetcher }), { wrapper: wrapperFor(client) });

    act(() => result.current.mutate({ allSessions: true }));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(requests.map(({ method, path, body }) => ({ method, path, body }))).toEqual([
      { method: 'PUT', path: '/auth/logout', body: { allSessions: true } },
    ]);
    expect(client.getQueryData(credentialsQueryKey)).toBeUndefined();
  });

  it('should report a refusal as a CredkitError, and drop the list all the same', async () => {
    const { fetcher } = fakeFetcher({
      'PUT /auth/logout': () => Promise.reject({ status: 401, error: { message: 'Not Authorized.' } }),
    });
    const client = createTestQueryClient();
    client.setQueryData(credentialsQueryKey, [createdCredential]);
    const { result } = renderHook(() => useLogout({ fetcher }), { wrapper: wrapperFor(client) });

    act(() => result.current.mutate());
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect([result.current.error?.code, result.current.error?.status]).toEqual(['server', 401]);
    // The page signs out anyway: the user's list must not outlive it.
    expect(client.getQueryData(credentialsQueryKey)).toBeUndefined();
  });
});
