import { CredkitError } from '@credkit/core';
import { act, renderHook, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { credentialsQueryKey } from './queryKeys.ts';
import {
  challengeResponse,
  createTestQueryClient,
  deferred,
  fakeCredentials,
  fakeFetcher,
  providerCredentials,
  wrapperFor,
} from './test/utils.tsx';
import { useRegisterCredential } from './useRegisterCredential.ts';
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
    expect(onRegistered).toHaveBeenCalledWith(expect.objectContaining({ credentialId: 'AQID' }), undefined);
  });

  it("should name a passkey registered without a name after its provider, from the attestation's AAGUID", async () => {
    const { fetcher, requests } = fakeFetcher();
    const credentials = providerCredentials('bada5566-a7aa-401f-bd96-45619a55120d');
    const { result } = renderHook(() => useRegisterPasskey({ fetcher, rp, credentials }), {
      wrapper: wrapperFor(createTestQueryClient()),
    });
    act(() => result.current.register());
    await waitFor(() => expect(result.current.phase).toBe('success'));
    expect(result.current.credential?.name).toBe('1Password');
    expect(requests.find((r) => r.path === '/auth/credentials')?.body).toMatchObject({ credentialName: '1Password' });
  });

  it('should refuse a key registered without a name, as invalid-input on the name, sending nothing', async () => {
    const { fetcher, requests } = fakeFetcher();
    const { result } = renderHook(() => useRegisterCredential({ kind: 'Key', fetcher, rp, prefetchChallenge: false }), {
      wrapper: wrapperFor(createTestQueryClient()),
    });
    act(() => result.current.register());
    await waitFor(() => expect(result.current.phase).toBe('error'));
    expect(result.current.error).toMatchObject({ code: 'invalid-input', field: 'credentialName' });
    expect(result.current.error?.message).toBe('Give the credential a name.');
    expect(requests).toHaveLength(0);
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
    expect(requests.filter((r) => r.path === '/auth/credentials')).toHaveLength(0);

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
    ceremony.reject(new DOMException('dismissed', 'NotAllowedError'));
    await waitFor(() => expect(result.current.phase).toBe('error'));
    expect(credentials.create).toHaveBeenCalledTimes(1);
    expect(requests.filter((r) => r.path === '/auth/credentials')).toHaveLength(0);
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

  it('should end as cancelled, with a message, when the person cancels', async () => {
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
    expect(result.current.error?.code).toBe('cancelled');
    expect(result.current.error?.phase).toBe('ceremony');
    expect(result.current.error?.message).toBe('Registration cancelled. Nothing was registered.');
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
    expect(requests.filter((r) => r.path === '/auth/credentials')).toHaveLength(0);
    expect(onError).not.toHaveBeenCalled();
  });

  describe('challenge prefetch', () => {
    it('should fetch one challenge on mount under StrictMode, not two', async () => {
      const { fetcher, requests, answered } = fakeFetcher();
      renderHook(() => useRegisterPasskey({ fetcher, rp, credentials: fakeCredentials() }), {
        wrapper: ({ children }) => <StrictMode>{wrapperFor(createTestQueryClient())({ children })}</StrictMode>,
      });
      await waitFor(() => expect(answered).toHaveLength(1));
      expect(requests).toHaveLength(1);
    });

    it('should prefetch the challenge so the click reaches create() with no request in between', async () => {
      const { fetcher, requests } = fakeFetcher();
      let requestsAtCreate = -1;
      const credentials = fakeCredentials(async () => {
        requestsAtCreate = requests.length;
        throw new DOMException('dismissed', 'NotAllowedError');
      });
      const { result } = renderHook(() => useRegisterPasskey({ fetcher, rp, credentials }), {
        wrapper: wrapperFor(createTestQueryClient()),
      });
      await waitFor(() => expect(requests).toHaveLength(1));
      expect(requests[0]?.path).toBe('/auth/credentials/init');
      act(() => result.current.register('Key'));
      await waitFor(() => expect(result.current.phase).toBe('error'));
      expect(requestsAtCreate).toBe(1);
    });

    it('should use each challenge once and fetch a fresh one after every attempt', async () => {
      let issued = 0;
      const { fetcher, requests } = fakeFetcher({
        'POST /auth/credentials/init': () => ({ ...challengeResponse, challengeIdentifier: `ci-${++issued}` }),
      });
      const { result } = renderHook(() => useRegisterPasskey({ fetcher, rp, credentials: fakeCredentials() }), {
        wrapper: wrapperFor(createTestQueryClient()),
      });
      await waitFor(() => expect(issued).toBe(1));
      act(() => result.current.register('One'));
      await waitFor(() => expect(result.current.phase).toBe('success'));
      await waitFor(() => expect(issued).toBe(2));
      act(() => result.current.register('Two'));
      await waitFor(() => expect(result.current.credential?.name).toBe('Two'));
      const used = requests
        .filter((r) => r.path === '/auth/credentials')
        .map((r) => (r.body as { challengeIdentifier: string }).challengeIdentifier);
      expect(used).toEqual(['ci-1', 'ci-2']);
    });

    it('should fetch the challenge in the click when the prefetch failed', async () => {
      let calls = 0;
      const { fetcher, requests } = fakeFetcher({
        'POST /auth/credentials/init': () => {
          calls += 1;
          if (calls === 1) throw new TypeError('Failed to fetch');
          return challengeResponse;
        },
      });
      const { result } = renderHook(() => useRegisterPasskey({ fetcher, rp, credentials: fakeCredentials() }), {
        wrapper: wrapperFor(createTestQueryClient()),
      });
      await waitFor(() => expect(calls).toBe(1));
      act(() => result.current.register('Key'));
      await waitFor(() => expect(result.current.phase).toBe('success'));
      expect(requests.filter((r) => r.path === '/auth/credentials')).toHaveLength(1);
    });

    it('should not prefetch when told not to', async () => {
      const { fetcher, requests } = fakeFetcher();
      const { result } = renderHook(
        () => useRegisterPasskey({ fetcher, rp, credentials: fakeCredentials(), prefetchChallenge: false }),
        { wrapper: wrapperFor(createTestQueryClient()) },
      );
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(requests).toHaveLength(0);
      act(() => result.current.register('Key'));
      await waitFor(() => expect(result.current.phase).toBe('success'));
      expect(requests.map((r) => r.path)).toEqual(['/auth/credentials/init', '/auth/credentials']);
    });
  });

  it('should run the whole flow again with the same name and a fresh challenge on retry()', async () => {
    let issued = 0;
    const { fetcher, requests } = fakeFetcher({
      'POST /auth/credentials/init': () => ({ ...challengeResponse, challengeIdentifier: `ci-${++issued}` }),
    });
    let attempts = 0;
    const credentials = fakeCredentials(async () => {
      attempts += 1;
      if (attempts === 1) throw new DOMException('dismissed', 'NotAllowedError');
      const bytes = (text: string) => new TextEncoder().encode(text).buffer;
      return {
        id: 'AQID',
        rawId: new Uint8Array([1, 2, 3]).buffer,
        type: 'public-key',
        response: { clientDataJSON: bytes('{}'), attestationObject: bytes('cbor') },
      } as unknown as Credential;
    });
    const { result } = renderHook(() => useRegisterPasskey({ fetcher, rp, credentials }), {
      wrapper: wrapperFor(createTestQueryClient()),
    });
    act(() => result.current.register('Phone'));
    await waitFor(() => expect(result.current.phase).toBe('error'));
    expect(result.current.error?.code).toBe('cancelled');
    act(() => result.current.retry());
    await waitFor(() => expect(result.current.phase).toBe('success'));
    const posts = requests.filter((r) => r.path === '/auth/credentials');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toMatchObject({ credentialName: 'Phone' });
    expect(attempts).toBe(2);
    const { challengeIdentifier } = (posts[0]?.body ?? {}) as { challengeIdentifier?: string };
    expect(challengeIdentifier).toMatch(/^ci-\d+$/);
    expect(challengeIdentifier).not.toBe('ci-1');
  });
});
