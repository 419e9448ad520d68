import { withUserActionProtocol } from '@credkit/core';
import { act, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { RegisterCredential } from './RegisterCredential/RegisterCredential.tsx';
import {
  challengeResponse,
  createTestQueryClient,
  deferred,
  fakeCredentials,
  fakeFetcher,
  renderWithClient,
  wrapperFor,
} from './test/utils.tsx';
import { useRegisterUser } from './useRegisterUser.ts';

const rp = { id: 'localhost', name: 'credkit' };
const actionChallenge = {
  challenge: 'sign me',
  challengeIdentifier: 'uac-1',
  userVerification: 'required',
  allowCredentials: { webauthn: [{ type: 'public-key', id: 'AQID' }], key: [] },
};

describe('user-action signing in <RegisterCredential>', () => {
  it('should say "Confirm with an existing passkey" while signing, then send the signed text with its token', async () => {
    const user = userEvent.setup();
    const signing = deferred<void>();
    const { fetcher, requests } = fakeFetcher({
      'POST /auth/action/init': () => actionChallenge,
      'POST /auth/action': () => ({ userAction: 'ua-token' }),
    });
    const signer = withUserActionProtocol({
      sign: async (challenge) => {
        expect(challenge.challenge).toBe('sign me');
        await signing.promise;
        return {
          kind: 'Fido2',
          credentialAssertion: { credId: 'AQID', clientData: 'e30', authenticatorData: 'AA', signature: 'AA' },
        };
      },
    });
    renderWithClient(
      <RegisterCredential fetcher={fetcher} rp={rp} credentials={fakeCredentials()} userActionSigner={signer} />,
    );
    await user.type(screen.getByRole('textbox', { name: /^Credential name/ }), 'Second');
    await user.click(screen.getByRole('button', { name: 'Register passkey' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Confirm with an existing passkey…'));
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeInTheDocument();
    signing.resolve();

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Passkey “Second” registered.'));
    const init = requests.find((request) => request.path === '/auth/action/init');
    const post = requests.find((request) => request.path === '/auth/credentials');
    expect(post?.headers).toEqual({ 'X-DFNS-USERACTION': 'ua-token' });
    expect(init?.body).toMatchObject({ userActionPayload: post?.bodyText, userActionHttpPath: '/auth/credentials' });
  });

  it('should show a 403 as forbidden, with the server message', async () => {
    const user = userEvent.setup();
    const { fetcher } = fakeFetcher({
      'POST /auth/credentials': () => {
        throw Object.assign(new Error('x'), {
          httpStatus: 403,
          context: { body: { error: { message: 'user action signature is missing or invalid' } } },
        });
      },
    });
    renderWithClient(<RegisterCredential fetcher={fetcher} rp={rp} credentials={fakeCredentials()} />);
    await user.type(screen.getByRole('textbox', { name: /^Credential name/ }), 'Second');
    await user.click(screen.getByRole('button', { name: 'Register passkey' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveAttribute('data-code', 'forbidden');
    expect(alert).toHaveTextContent('user action signature is missing or invalid');
  });
});

describe('useRegisterUser', () => {
  it('should sign a user up: init, ceremony, then the temporary token on /auth/registration/enduser', async () => {
    const { authenticatorSelection, pubKeyCredParams, attestation, user } = challengeResponse;
    const { fetcher, requests } = fakeFetcher({
      'POST /auth/registration/init': () => ({
        user,
        challenge: 'abc',
        temporaryAuthenticationToken: 'temp-token',
        authenticatorSelection,
        pubKeyCredParams,
        attestation,
        excludeCredentials: [],
        supportedCredentialKinds: { firstFactor: ['Fido2'], secondFactor: [] },
      }),
      'POST /auth/registration/enduser': () => ({
        credential: { uuid: 'cr-1', kind: 'Fido2', name: 'Passkey' },
        user: { id: 'us-1', username: 'ada@example.com', orgId: 'or-1' },
        authentication: { token: 'user-token' },
        wallets: [],
      }),
    });
    const { result } = renderHook(
      () => useRegisterUser({ fetcher, orgId: 'or-1', rp, credentials: fakeCredentials() }),
      { wrapper: wrapperFor(createTestQueryClient()) },
    );
    act(() => result.current.register({ username: 'ada@example.com', registrationCode: '1' }));
    await waitFor(() => expect(result.current.phase).toBe('success'));
    expect(result.current.registration?.token).toBe('user-token');
    expect(requests[0]?.body).toEqual({ orgId: 'or-1', username: 'ada@example.com', registrationCode: '1' });
    expect(requests[1]?.headers).toEqual({ Authorization: 'Bearer temp-token' });
    expect(requests[1]?.body).toMatchObject({ firstFactorCredential: { credentialKind: 'Fido2' }, wallets: [] });
  });
});
