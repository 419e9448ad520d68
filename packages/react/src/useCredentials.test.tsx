import { QueryClient } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeFetcher, wrapperFor } from './test/utils.tsx';
import { useCredentials } from './useCredentials.ts';

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
