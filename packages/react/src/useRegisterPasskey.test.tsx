import { CredkitError } from '@credkit/core';
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { credentialsQueryKey } from './queryKeys.ts';
import {
  challengeResponse,
  createTestQueryClient,
  deferred,
  fakeCredentials,
  fakeFetcher,
  wrapperFor,
} from './testUtils.tsx';
import { useRegisterPasskey } from './useRegisterPasskey.ts';

const rp = { id: 'localhost', name: 'credkit' };

describe('useRegisterPasskey', () => {
  it('should go idle → challenge → ceremony → submitting → success', async () => {
    const init = deferred<unknown>();
    const ceremony = deferred<Credential | null>();
    const post = deferred<unknown>();
    const { fetcher } = fakeFetcher({
      'POST /auth/credentials/init': () => init.promise,
      'POST /auth/credentials': () => post.promise,
    });
    const credentials = fakeCredentials(() => ceremony.promise);
    const onRegistered = vi.fn();
    const client = createTestQueryClient();
    const { result } = renderHook(() => useRegisterPasskey({ fetcher, rp, credentials, onRegistered }), {
      wrapper: wrapperFor(client),
    });

    expect(result.current.phase).toBe('idle');
    act(() => result.current.register('Work laptop'));
    await waitFor(() => expect(result.current.phase).toBe('challenge'));
    expect(result.current.isBusy).toBe(true);

    init.resolve(challengeResponse);
    await waitFor(() => expect(result.current.phase).toBe('ceremony'));

    const bytes = (text: string) => new TextEncoder().encode(text).buffer;
    ceremony.resolve({
      id: 'AQID',
      rawId: new Uint8Array([1, 2, 3]).buffer,
      type: 'public-key',
      response: { clientDataJSON: bytes('{}'), attestationObject: bytes('cbor') },
    } as unknown as Credential);
    await waitFor(() => expect(result.current.phase).toBe('submitting'));

    post.resolve({
      kind: 'Fido2',
      credentialId: 'AQID',
      credentialUuid: 'cr-1',
      dateCreated: '2026-11-24T00:00:00.000Z',
      isActive: true,
      name: 'Work laptop',
      publicKey: 'pem',
      relyingPartyId: 'localhost',
      origin: 'http://localhost:5173',
    });
    await waitFor(() => expect(result.current.phase).toBe('success'));
    expect(result.current.isBusy).toBe(false);
    expect(result.current.credential?.name).toBe('Work laptop');
    expect(result.current.error).toBeNull();
    expect(onRegistered).toHaveBeenCalledWith(expect.objectContaining({ credentialId: 'AQID' }));
  });

  it('should invalidate the credential list query on success', async () => {
    const { fetcher } = fakeFetcher();
    const client = createTestQueryClient();
    client.setQueryData(credentialsQueryKey, []);
    const { result } = renderHook(() => useRegisterPasskey({ fetcher, rp, credentials: fakeCredentials() }), {
      wrapper: wrapperFor(client),
    });
    expect(client.getQueryState(credentialsQueryKey)?.isInvalidated).toBe(false);
    act(() => result.current.register('Key'));
    await waitFor(() => expect(result.current.phase).toBe('success'));
    expect(client.getQueryState(credentialsQueryKey)?.isInvalidated).toBe(true);
  });

  it('should hold a typed error as state, call onError, and reset to idle', async () => {
    const { fetcher, requests } = fakeFetcher();
    const onError = vi.fn();
    const credentials = fakeCredentials(async () => {
      throw new DOMException('excluded credential', 'InvalidStateError');
    });
    const { result } = renderHook(() => useRegisterPasskey({ fetcher, rp, credentials, onError }), {
      wrapper: wrapperFor(createTestQueryClient()),
    });
    act(() => result.current.register('Key'));
    await waitFor(() => expect(result.current.phase).toBe('error'));
    expect(result.current.error).toBeInstanceOf(CredkitError);
    expect(result.current.error?.code).toBe('already-registered');
    expect(result.current.error?.phase).toBe('ceremony');
    expect(onError).toHaveBeenCalledTimes(1);
    expect(requests.map((r) => r.path)).toEqual(['/auth/credentials/init']);

    act(() => result.current.reset());
    await waitFor(() => expect(result.current.phase).toBe('idle'));
    expect(result.current.error).toBeNull();
  });

  it('should ignore register() while a registration runs', async () => {
    const ceremony = deferred<Credential | null>();
    const { fetcher, requests } = fakeFetcher();
    const credentials = fakeCredentials(() => ceremony.promise);
    const { result } = renderHook(() => useRegisterPasskey({ fetcher, rp, credentials }), {
      wrapper: wrapperFor(createTestQueryClient()),
    });
    act(() => {
      result.current.register('One');
      result.current.register('Two');
    });
    await waitFor(() => expect(result.current.phase).toBe('ceremony'));
    act(() => result.current.register('Three'));
    expect(credentials.create).toHaveBeenCalledTimes(1);
    expect(requests.filter((r) => r.path === '/auth/credentials/init')).toHaveLength(1);
  });

  it('should fail as network, not pause, when offline', async () => {
    const { fetcher } = fakeFetcher({
      'POST /auth/credentials/init': () => {
        throw new TypeError('Failed to fetch');
      },
    });
    const onlineSpy = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const { result } = renderHook(() => useRegisterPasskey({ fetcher, rp, credentials: fakeCredentials() }), {
      wrapper: wrapperFor(createTestQueryClient()),
    });
    act(() => result.current.register('Key'));
    await waitFor(() => expect(result.current.phase).toBe('error'));
    expect(result.current.error?.code).toBe('network');
    onlineSpy.mockRestore();
  });

  it('should abort the running ceremony on cancel()', async () => {
    const { fetcher } = fakeFetcher();
    const credentials = fakeCredentials(
      (options) =>
        new Promise((_resolve, reject) =>
          options.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        ),
    );
    const { result } = renderHook(() => useRegisterPasskey({ fetcher, rp, credentials }), {
      wrapper: wrapperFor(createTestQueryClient()),
    });
    act(() => result.current.register('Key'));
    await waitFor(() => expect(result.current.phase).toBe('ceremony'));
    act(() => result.current.cancel());
    await waitFor(() => expect(result.current.phase).toBe('error'));
    expect(result.current.error?.code).toBe('aborted');
  });

  it('should abort the ceremony on unmount, send no POST and not call onError', async () => {
    const { fetcher, requests } = fakeFetcher();
    const aborted = deferred<void>();
    const credentials = fakeCredentials(
      (options) =>
        new Promise((_resolve, reject) =>
          options.signal?.addEventListener('abort', () => {
            aborted.resolve();
            reject(new DOMException('aborted', 'AbortError'));
          }),
        ),
    );
    const onError = vi.fn();
    const { result, unmount } = renderHook(() => useRegisterPasskey({ fetcher, rp, credentials, onError }), {
      wrapper: wrapperFor(createTestQueryClient()),
    });
    act(() => result.current.register('Key'));
    await waitFor(() => expect(result.current.phase).toBe('ceremony'));
    unmount();
    await aborted.promise;
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(requests.map((r) => r.path)).toEqual(['/auth/credentials/init']);
    expect(onError).not.toHaveBeenCalled();
  });
});
