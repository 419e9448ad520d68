import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createTestQueryClient, fakeFetcher, wrapperFor } from './test/utils.tsx';
import { usePasskeyAutofill } from './usePasskeyAutofill.ts';
import { usePasskeyLogin } from './usePasskeyLogin.ts';

const loginChallenge = {
  challenge: 'login',
  challengeIdentifier: 'ci',
  userVerification: 'required',
  allowCredentials: { webauthn: [], key: [] },
};

/** A credentials container holding each get() until aborted (as a browser waiting for the person). */
function waitingBrowser() {
  const calls: CredentialRequestOptions[] = [];
  const get = vi.fn(
    (options: CredentialRequestOptions) =>
      new Promise<Credential | null>((_, reject) => {
        calls.push(options);
        options.signal?.addEventListener('abort', () => reject(options.signal?.reason), { once: true });
      }),
  );
  return { credentials: { get }, calls };
}

describe('usePasskeyAutofill', () => {
  it('should offer the passkeys once under StrictMode, give way to the button silently, and end on unmount', async () => {
    const { fetcher, requests } = fakeFetcher({ 'POST /auth/login/init': () => loginChallenge });
    const browser = waitingBrowser();
    const onError = vi.fn();
    const options = { fetcher, orgId: 'or-1', credentials: browser.credentials, isAvailable: async () => true };
    const { result, unmount } = renderHook(
      () => ({ autofill: usePasskeyAutofill({ ...options, onError }), button: usePasskeyLogin(options) }),
      { wrapper: wrapperFor(createTestQueryClient()), reactStrictMode: true },
    );
    await waitFor(() => expect(result.current.autofill.status).toBe('pending'));
    await waitFor(() => expect(browser.calls).toHaveLength(1));
    expect(requests).toHaveLength(1);
    expect(requests[0]?.body).toEqual({ orgId: 'or-1' });
    expect((browser.calls[0] as { mediation?: string }).mediation).toBe('conditional');

    act(() => result.current.button.signIn());
    await waitFor(() => expect(browser.calls).toHaveLength(2));
    expect(browser.calls[0]?.signal?.aborted).toBe(true);
    await waitFor(() => expect(result.current.autofill.status).toBe('paused'));
    expect(result.current.autofill.error).toBeNull();

    unmount();
    expect(browser.calls[1]?.signal?.aborted).toBe(true);
    expect(onError).not.toHaveBeenCalled();
  });

  it('should say unsupported and fetch nothing where the browser has no autofill for passkeys', async () => {
    const { fetcher, requests } = fakeFetcher({});
    const { result } = renderHook(
      () => usePasskeyAutofill({ fetcher, orgId: 'or-1', isAvailable: async () => false }),
      { wrapper: wrapperFor(createTestQueryClient()) },
    );
    await waitFor(() => expect(result.current.status).toBe('unsupported'));
    expect(requests).toHaveLength(0);
  });
});

describe('usePasskeyAutofill with enabled', () => {
  it('should fetch nothing while disabled, and end the pending request when disabled', async () => {
    const { fetcher, requests } = fakeFetcher({ 'POST /auth/login/init': () => loginChallenge });
    const browser = waitingBrowser();
    const { result, rerender } = renderHook(
      ({ enabled }) =>
        usePasskeyAutofill({
          fetcher,
          orgId: 'or-1',
          credentials: browser.credentials,
          isAvailable: async () => true,
          enabled,
        }),
      { wrapper: wrapperFor(createTestQueryClient()), initialProps: { enabled: false } },
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(result.current.status).toBe('idle');
    expect(requests).toHaveLength(0);
    rerender({ enabled: true });
    await waitFor(() => expect(browser.calls).toHaveLength(1));
    rerender({ enabled: false });
    expect(browser.calls[0]?.signal?.aborted).toBe(true);
    expect(result.current.status).toBe('idle');
  });
});
