import { QueryClient } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createdCredential, createTestQueryClient, fakeFetcher, wrapperFor } from './test/utils.tsx';
import { useCredentials } from './useCredentials.ts';
import { useSetCredentialActive } from './useSetCredentialActive.ts';

/** A client with react-query's own defaults (retries on), as a host has it. */
function hostQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { retryDelay: 0 } } });
}

describe('useCredentials', () => {
  it('should show a 4xx at once, without retrying it', async () => {
    const { fetcher, requests } = fakeFetcher({
      'GET /auth/credentials': () => {
        throw Object.assign(new Error('Unauthorized'), { httpStatus: 401 });
      },
    });
    const { result } = renderHook(() => useCredentials(fetcher), { wrapper: wrapperFor(hostQueryClient()) });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.status).toBe(401);
    expect(requests).toHaveLength(1);
  });

  it('should retry a network failure, then list', async () => {
    let calls = 0;
    const { fetcher } = fakeFetcher({
      'GET /auth/credentials': () => {
        calls += 1;
        if (calls < 3) throw new TypeError('Failed to fetch');
        return { items: [] };
      },
    });
    const { result } = renderHook(() => useCredentials(fetcher), { wrapper: wrapperFor(hostQueryClient()) });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toEqual([]);
    expect(calls).toBe(3);
  });
});

describe('useCredentials with a user: signalAllAcceptedCredentials', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  /** "us-1" as the passkeys' user handle: base64url of its UTF-8 bytes. */
  const USER_HANDLE = 'dXMtMQ';

  function listFetcher() {
    const items = [
      { ...createdCredential, credentialUuid: 'cr-1', credentialId: 'first' },
      { ...createdCredential, credentialUuid: 'cr-2', credentialId: 'second' },
      { ...createdCredential, credentialUuid: 'cr-3', credentialId: 'a-key', kind: 'Key' as const },
    ];
    return fakeFetcher({
      'GET /auth/credentials': () => ({ items: items.map((item) => ({ ...item })) }),
      'PUT /auth/credentials/deactivate': (request) => {
        const { credentialUuid } = request.body as { credentialUuid: string };
        for (const item of items) if (item.credentialUuid === credentialUuid) item.isActive = false;
        return { message: 'ok' };
      },
    });
  }

  it('should signal the active passkeys once the list loaded, and again after a deactivation', async () => {
    const signalAllAcceptedCredentials = vi.fn(async (_options: unknown) => undefined);
    vi.stubGlobal('PublicKeyCredential', { signalAllAcceptedCredentials });
    const { fetcher } = listFetcher();
    const { result } = renderHook(
      () => ({
        list: useCredentials(fetcher, { user: { id: 'us-1', rpId: 'localhost' } }),
        change: useSetCredentialActive({ fetcher }),
      }),
      { wrapper: wrapperFor(createTestQueryClient()) },
    );
    await waitFor(() => expect(signalAllAcceptedCredentials).toHaveBeenCalledTimes(1));
    act(() => result.current.change.mutate({ credentialUuid: 'cr-1', active: false }));
    await waitFor(() => expect(signalAllAcceptedCredentials).toHaveBeenCalledTimes(2));
    expect(signalAllAcceptedCredentials.mock.calls).toEqual([
      [{ rpId: 'localhost', userId: USER_HANDLE, allAcceptedCredentialIds: ['first', 'second'] }],
      [{ rpId: 'localhost', userId: USER_HANDLE, allAcceptedCredentialIds: ['second'] }],
    ]);
  });

  it('should not signal without a user, nor fail where the browser has no Signal API', async () => {
    const signalAllAcceptedCredentials = vi.fn(async (_options: unknown) => undefined);
    vi.stubGlobal('PublicKeyCredential', { signalAllAcceptedCredentials });
    const { result } = renderHook(() => useCredentials(listFetcher().fetcher), {
      wrapper: wrapperFor(createTestQueryClient()),
    });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(signalAllAcceptedCredentials).not.toHaveBeenCalled();

    vi.stubGlobal('PublicKeyCredential', {});
    const withUser = renderHook(() => useCredentials(listFetcher().fetcher, { user: { id: 'us-1' } }), {
      wrapper: wrapperFor(createTestQueryClient()),
    });
    await waitFor(() => expect(withUser.result.current.isSuccess).toBe(true));
    expect(withUser.result.current.data).toHaveLength(3);
  });
});
