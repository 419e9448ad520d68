import { UNKNOWN_CAPABILITIES, type WebAuthnCapabilities } from '@credkit/core';
import { render, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { createTestQueryClient, fakeCredentials, fakeFetcher, providerCredentials, wrapperFor } from './test/utils.tsx';
import { type UseConditionalRegistrationOptions, useConditionalRegistration } from './useConditionalRegistration.ts';
import { capabilitiesQueryKey } from './useWebAuthnCapabilities.ts';

const rp = { id: 'localhost', name: 'credkit' };

function setup(capabilities: Partial<WebAuthnCapabilities>, options: Partial<UseConditionalRegistrationOptions> = {}) {
  const client = createTestQueryClient();
  client.setQueryData(capabilitiesQueryKey, { ...UNKNOWN_CAPABILITIES, webAuthn: true, ...capabilities });
  const { fetcher, requests } = fakeFetcher();
  const credentials = options.credentials ?? fakeCredentials();
  const seen: string[] = [];
  function Upgrade() {
    const { status } = useConditionalRegistration({ fetcher, rp, credentialName: 'Upgraded', credentials, ...options });
    seen.push(status);
    return <p data-status={status}>{status}</p>;
  }
  const Wrapper = wrapperFor(client);
  const view = render(
    <StrictMode>
      <Wrapper>
        <Upgrade />
      </Wrapper>
    </StrictMode>,
  );
  const status = () => view.container.querySelector('p')?.getAttribute('data-status');
  return { requests, credentials, status, seen };
}

describe('useConditionalRegistration', () => {
  it('should ask once with mediation "conditional" under StrictMode and register the passkey', async () => {
    const onRegistered = vi.fn();
    const { requests, credentials, status } = setup({ conditionalCreate: true }, { onRegistered });
    await waitFor(() => expect(status()).toBe('registered'));
    expect(credentials.create).toHaveBeenCalledTimes(1);
    expect(vi.mocked(credentials.create).mock.calls[0]?.[0]).toMatchObject({ mediation: 'conditional' });
    expect(requests.filter((request) => request.path === '/auth/credentials/init')).toHaveLength(1);
    expect(requests.filter((request) => request.path === '/auth/credentials')).toHaveLength(1);
    expect(onRegistered).toHaveBeenCalledWith(expect.objectContaining({ name: 'Upgraded' }), undefined);
  });

  it('should name the passkey after the password manager that made it when given no name', async () => {
    const onRegistered = vi.fn();
    const credentials = providerCredentials('ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4');
    const { requests, status } = setup(
      { conditionalCreate: true },
      { credentialName: undefined, credentials, onRegistered },
    );
    await waitFor(() => expect(status()).toBe('registered'));
    const post = requests.find((request) => request.path === '/auth/credentials');
    expect(post?.body).toMatchObject({ credentialName: 'Google Password Manager' });
    expect(onRegistered).toHaveBeenCalledWith(expect.objectContaining({ name: 'Google Password Manager' }), undefined);
  });

  it('should do nothing where the browser has no conditional create', async () => {
    const { requests, credentials, status } = setup({ conditionalCreate: false });
    await waitFor(() => expect(status()).toBe('unsupported'));
    expect(credentials.create).not.toHaveBeenCalled();
    expect(requests).toHaveLength(0);
  });

  it('should fail silently (status and onError only) when the password manager declines', async () => {
    const onError = vi.fn();
    const credentials = fakeCredentials(() => Promise.reject(new DOMException('declined', 'NotAllowedError')));
    const { requests, status } = setup({ conditionalCreate: true }, { credentials, onError });
    await waitFor(() => expect(status()).toBe('failed'));
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'cancelled' }));
    expect(requests.filter((request) => request.path === '/auth/credentials')).toHaveLength(0);
  });

  it('should wait while disabled (before the password sign-in)', async () => {
    const { credentials, status } = setup({ conditionalCreate: true }, { enabled: false });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(status()).toBe('idle');
    expect(credentials.create).not.toHaveBeenCalled();
  });
});

describe('useConditionalRegistration when enabled turns false mid-attempt', () => {
  it('should go back to idle (not stay pending), abort, and try again once enabled again', async () => {
    const client = createTestQueryClient();
    client.setQueryData(capabilitiesQueryKey, { ...UNKNOWN_CAPABILITIES, webAuthn: true, conditionalCreate: true });
    const { fetcher } = fakeFetcher();
    const signals: (AbortSignal | null | undefined)[] = [];
    const credentials = fakeCredentials((options) => {
      signals.push(options?.signal);
      return new Promise(() => {});
    });
    function Upgrade({ enabled }: { enabled: boolean }) {
      const { status } = useConditionalRegistration({ fetcher, rp, credentialName: 'Upgraded', credentials, enabled });
      return <p data-status={status}>{status}</p>;
    }
    const Wrapper = wrapperFor(client);
    const view = render(
      <Wrapper>
        <Upgrade enabled />
      </Wrapper>,
    );
    const status = () => view.container.querySelector('p')?.getAttribute('data-status');
    await waitFor(() => expect(credentials.create).toHaveBeenCalledTimes(1));
    expect(status()).toBe('pending');

    view.rerender(
      <Wrapper>
        <Upgrade enabled={false} />
      </Wrapper>,
    );
    await waitFor(() => expect(status()).toBe('idle'));
    expect(signals[0]?.aborted).toBe(true);

    view.rerender(
      <Wrapper>
        <Upgrade enabled />
      </Wrapper>,
    );
    await waitFor(() => expect(credentials.create).toHaveBeenCalledTimes(2));
    expect(status()).toBe('pending');
  });
});
