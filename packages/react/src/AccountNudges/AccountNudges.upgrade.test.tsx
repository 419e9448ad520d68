import { type CredentialCreator, type NudgeStorage, UNKNOWN_CAPABILITIES } from '@credkit/core';
import { useQuery } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { credentialsQueryKey } from '../queryKeys.ts';
import { createTestQueryClient, fakeCredentials, fakeFetcher, wrapperFor } from '../test/utils.tsx';
import { capabilitiesQueryKey } from '../useWebAuthnCapabilities.ts';
import { AccountNudges } from './AccountNudges.tsx';

const rp = { id: 'localhost', name: 'credkit' };
const UPGRADED = 'Your password manager saved a passkey for this browser: next time, sign in here with a touch.';

function memoryStorage(): NudgeStorage {
  const values = new Map<string, string>();
  return { get: (key) => values.get(key) ?? null, set: (key, value) => void values.set(key, value) };
}

/**
 * `<AccountNudges upgrade>` after a sign-in with no passkey here, on an account with one passkey (on
 * a security key) and a recovery key, in a browser with or without conditional create. The
 * credential list is a real query on `credentialsQueryKey`, so its refetch after the upgrade shows.
 */
function setup({ conditionalCreate, credentials }: { conditionalCreate: boolean; credentials?: CredentialCreator }) {
  const client = createTestQueryClient();
  client.setQueryData(capabilitiesQueryKey, { ...UNKNOWN_CAPABILITIES, webAuthn: true, conditionalCreate });
  const { fetcher, requests } = fakeFetcher();
  const container = credentials ?? fakeCredentials();
  const listed = [
    { kind: 'Fido2' as const, isActive: true },
    { kind: 'RecoveryKey' as const, isActive: true },
  ];
  let listFetches = 0;
  const onAction = vi.fn();
  const onRegistered = vi.fn();
  function Home() {
    const list = useQuery({
      queryKey: credentialsQueryKey,
      queryFn: async () => {
        listFetches += 1;
        return listed;
      },
    });
    return (
      <AccountNudges
        credentials={list.data}
        passkeyOnThisDevice={false}
        storage={memoryStorage()}
        onAction={onAction}
        upgrade={{ fetcher, rp, credentialName: 'Automatic passkey', credentials: container, onRegistered }}
      />
    );
  }
  const Wrapper = wrapperFor(client);
  render(
    <StrictMode>
      <Wrapper>
        <Home />
      </Wrapper>
    </StrictMode>,
  );
  const region = () => screen.queryByRole('region', { name: 'Make your account safer' });
  return { requests, container, onAction, onRegistered, region, listFetches: () => listFetches };
}

describe('AccountNudges with upgrade: "add a passkey here" tries the automatic upgrade first', () => {
  it('should register the passkey the password manager made, drop the nudge, refetch the list and say so once', async () => {
    const { requests, container, onRegistered, region, listFetches } = setup({ conditionalCreate: true });
    await waitFor(() => expect(region()?.getAttribute('data-upgrade')).toBe('registered'));
    // One conditional create under StrictMode, one challenge, one registration.
    expect(container.create).toHaveBeenCalledTimes(1);
    expect(vi.mocked(container.create).mock.calls[0]?.[0]).toMatchObject({ mediation: 'conditional' });
    expect(requests.filter((request) => request.path === '/auth/credentials/init')).toHaveLength(1);
    expect(requests.filter((request) => request.path === '/auth/credentials')).toHaveLength(1);
    expect(onRegistered).toHaveBeenCalledWith(expect.objectContaining({ name: 'Automatic passkey' }));

    expect(screen.getByRole('status').textContent).toBe(UPGRADED);
    expect(screen.queryByRole('button', { name: 'Add a passkey here' })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    await waitFor(() => expect(listFetches()).toBe(2));
  });

  it('should keep the nudge, and its action the host’s, where the browser has no conditional create', async () => {
    const { container, onAction, region, requests } = setup({ conditionalCreate: false });
    await waitFor(() => expect(region()?.getAttribute('data-upgrade')).toBe('unsupported'));
    expect(container.create).not.toHaveBeenCalled();
    expect(requests).toHaveLength(0);
    // Nothing to announce: no empty status region beside the host's own.
    expect(screen.queryByRole('status')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Add a passkey here' }));
    expect(onAction).toHaveBeenCalledWith('add-passkey-here');
  });

  it('should keep the nudge, silently, when the password manager declines', async () => {
    const declining = fakeCredentials(() => Promise.reject(new DOMException('declined', 'NotAllowedError')));
    const { region, requests } = setup({ conditionalCreate: true, credentials: declining });
    await waitFor(() => expect(region()?.getAttribute('data-upgrade')).toBe('failed'));
    expect(screen.getByRole('button', { name: 'Add a passkey here' })).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(requests.filter((request) => request.path === '/auth/credentials')).toHaveLength(0);
  });

  it('should end a pending attempt when the person puts the nudge off ("Not now")', async () => {
    const signals: (AbortSignal | null | undefined)[] = [];
    const waiting = fakeCredentials((options) => {
      signals.push(options?.signal);
      return new Promise(() => {});
    });
    const { region } = setup({ conditionalCreate: true, credentials: waiting });
    await waitFor(() => expect(region()?.getAttribute('data-upgrade')).toBe('pending'));
    // The status region is in the page, empty, while the password manager may answer.
    expect(screen.getByRole('status').textContent).toBe('');
    await userEvent.click(screen.getByRole('button', { name: 'Not now' }));
    // The account lacks nothing else: the region goes, and the password manager is asked no more.
    await waitFor(() => expect(region()).toBeNull());
    expect(signals).toHaveLength(1);
    expect(signals[0]?.aborted).toBe(true);
  });

  it('should not try while this browser may hold a passkey (passkeyOnThisDevice not false)', async () => {
    const client = createTestQueryClient();
    client.setQueryData(capabilitiesQueryKey, { ...UNKNOWN_CAPABILITIES, webAuthn: true, conditionalCreate: true });
    const container = fakeCredentials();
    const Wrapper = wrapperFor(client);
    render(
      <Wrapper>
        <AccountNudges
          credentials={[{ kind: 'Fido2', isActive: true }]}
          storage={memoryStorage()}
          onAction={() => {}}
          upgrade={{ fetcher: fakeFetcher().fetcher, rp, credentials: container }}
        />
      </Wrapper>,
    );
    await screen.findByRole('button', { name: 'Add a passkey on another device' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(container.create).not.toHaveBeenCalled();
  });
});
