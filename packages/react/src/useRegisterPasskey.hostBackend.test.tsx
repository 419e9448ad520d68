// useRegisterPasskey and <RegisterCredential> when the host's backend talks to Dfns: no fetcher, the
// challenge from challengeSource (prefetched as the kit's own), the body to completion.
import {
  type ChallengeSource,
  type Completion,
  type CreateCredentialBody,
  createWebAuthnUserActionSigner,
} from '@credkit/core';
import { act, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { credentialsQueryKey } from './queryKeys.ts';
import { RegisterCredential } from './RegisterCredential/RegisterCredential.tsx';
import {
  challengeResponse,
  createdCredential,
  createTestQueryClient,
  fakeCredentials,
  renderWithClient,
  wrapperFor,
} from './test/utils.tsx';
import { useRegisterPasskey } from './useRegisterPasskey.ts';

const rp = { id: 'localhost', name: 'credkit' };

/** The host's two functions: its backend relays Dfns's challenge and completes with the body. */
function hostBackend() {
  let issued = 0;
  const challengeSource = vi.fn<ChallengeSource>(async () => ({
    ...challengeResponse,
    challengeIdentifier: `host-${++issued}`,
  }));
  const completion = vi.fn<Completion<CreateCredentialBody>>(async (body) => ({
    ...createdCredential,
    name: body.credentialName,
  }));
  return { challengeSource, completion };
}

describe('useRegisterPasskey with a host backend', () => {
  it('should prefetch from the host, register through its completion, and refresh the credential list', async () => {
    const host = hostBackend();
    const credentials = fakeCredentials();
    const client = createTestQueryClient();
    client.setQueryData(credentialsQueryKey, []);
    const { result, unmount } = renderHook(() => useRegisterPasskey({ ...host, rp, credentials }), {
      wrapper: wrapperFor(client),
    });
    await waitFor(() => expect(host.challengeSource).toHaveBeenCalledTimes(1));
    const prefetchSignal = host.challengeSource.mock.calls[0]?.[0].signal;
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));

    act(() => result.current.register('Work laptop'));
    // Straight to the prompt: the host's challenge was already there.
    expect(result.current.phase).toBe('ceremony');
    await waitFor(() => expect(result.current.phase).toBe('success'));
    expect(result.current.credential?.name).toBe('Work laptop');
    expect(host.completion.mock.calls[0]?.[0]).toMatchObject({
      credentialKind: 'Fido2',
      credentialName: 'Work laptop',
      challengeIdentifier: 'host-1',
    });
    expect(client.getQueryState(credentialsQueryKey)?.isInvalidated).toBe(true);

    unmount();
    expect(prefetchSignal?.aborted).toBe(true);
  });
});

describe('RegisterCredential with a host backend', () => {
  it('should register a passkey with no fetcher, and show the refusal of a completion beside a signer', async () => {
    const user = userEvent.setup();
    const host = hostBackend();
    const { rerender } = renderWithClient(<RegisterCredential {...host} rp={rp} credentials={fakeCredentials()} />);
    await user.type(screen.getByRole('textbox', { name: /^Credential name/ }), 'Work laptop');
    await user.click(screen.getByRole('button', { name: 'Register passkey' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Passkey “Work laptop” registered.'));
    expect(host.completion).toHaveBeenCalledTimes(1);

    rerender(
      <RegisterCredential
        {...host}
        rp={rp}
        credentials={fakeCredentials()}
        userActionSigner={createWebAuthnUserActionSigner()}
      />,
    );
    await user.type(screen.getByRole('textbox', { name: /^Credential name/ }), 'Phone');
    await user.click(screen.getByRole('button', { name: 'Register passkey' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('signUserActionChallenge');
    expect(host.completion).toHaveBeenCalledTimes(1);
  });
});
