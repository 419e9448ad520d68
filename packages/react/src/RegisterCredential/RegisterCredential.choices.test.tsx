import { UNKNOWN_CAPABILITIES, type WebAuthnCapabilities } from '@credkit/core';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createTestQueryClient, fakeCredentials, fakeFetcher, renderWithClient } from '../test/utils.tsx';
import { capabilitiesQueryKey } from '../useWebAuthnCapabilities.ts';
import { RegisterCredential } from './RegisterCredential.tsx';

const rp = { id: 'localhost', name: 'credkit' };

/** A query client that already knows what "the browser" can do (jsdom has no WebAuthn to detect). */
function clientWith(capabilities: Partial<WebAuthnCapabilities>) {
  const client = createTestQueryClient();
  client.setQueryData(capabilitiesQueryKey, { ...UNKNOWN_CAPABILITIES, webAuthn: true, ...capabilities });
  return client;
}

describe('RegisterCredential authenticator choices', () => {
  it('should offer only the choices the browser can honour, and send the picked one as hints + attachment', async () => {
    const user = userEvent.setup();
    const { fetcher } = fakeFetcher();
    const credentials = fakeCredentials();
    renderWithClient(
      <RegisterCredential
        fetcher={fetcher}
        rp={rp}
        credentials={credentials}
        authenticatorChoices={['this-device', 'security-key', 'phone']}
      />,
      clientWith({ platformAuthenticator: true, hybridTransport: false }),
    );
    const group = screen.getByRole('group', { name: 'Where to keep the passkey' });
    expect(group).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'This device' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Security key' })).not.toBeChecked();
    expect(screen.queryByRole('radio', { name: 'Phone or tablet' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'Security key' }));
    await user.type(screen.getByRole('textbox', { name: /^Credential name/ }), 'YubiKey');
    await user.click(screen.getByRole('button', { name: 'Register passkey' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Passkey “YubiKey” registered.'));

    const [request] = vi.mocked(credentials.create).mock.calls[0] ?? [];
    const publicKey = request?.publicKey as PublicKeyCredentialCreationOptions & { hints?: string[] };
    expect(publicKey.hints).toEqual(['security-key']);
    expect(publicKey.authenticatorSelection?.authenticatorAttachment).toBe('cross-platform');
  });

  it('should show no picker when one choice or none is left, and send that one', async () => {
    const user = userEvent.setup();
    const { fetcher } = fakeFetcher();
    const credentials = fakeCredentials();
    renderWithClient(
      <RegisterCredential
        fetcher={fetcher}
        rp={rp}
        credentials={credentials}
        authenticatorChoices={['this-device', 'phone']}
      />,
      clientWith({ platformAuthenticator: false, hybridTransport: true }),
    );
    expect(screen.queryByRole('group')).not.toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: /^Credential name/ }), 'Phone');
    await user.click(screen.getByRole('button', { name: 'Register passkey' }));
    await waitFor(() => expect(credentials.create).toHaveBeenCalledTimes(1));
    const [request] = vi.mocked(credentials.create).mock.calls[0] ?? [];
    expect((request?.publicKey as { hints?: string[] } | undefined)?.hints).toEqual(['hybrid']);
  });

  it('should send no hints when the host offers no choices', async () => {
    const user = userEvent.setup();
    const { fetcher } = fakeFetcher();
    const credentials = fakeCredentials();
    renderWithClient(<RegisterCredential fetcher={fetcher} rp={rp} credentials={credentials} />, clientWith({}));
    await user.type(screen.getByRole('textbox', { name: /^Credential name/ }), 'Laptop');
    await user.click(screen.getByRole('button', { name: 'Register passkey' }));
    await waitFor(() => expect(credentials.create).toHaveBeenCalledTimes(1));
    const [request] = vi.mocked(credentials.create).mock.calls[0] ?? [];
    expect(request?.publicKey).not.toHaveProperty('hints');
  });
});
