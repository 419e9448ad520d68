import type { CreateCredentialResponse, FetcherRequest, RegistrableCredentialKind } from '@credkit/core';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { useRegisterCredentialContext } from '../RegisterCredential/registerCredentialContext.ts';
import {
  challengeResponse,
  createdCredential,
  fakeCredentials,
  fakeFetcher,
  renderWithClient,
} from '../test/utils.tsx';
import { RegisterWithCode } from './RegisterWithCode.tsx';

const rp = { id: 'localhost', name: 'credkit' };

/** The answers of the code routes: the same challenge and credential as the signed-in routes. */
const codeRoutes = {
  'POST /auth/credentials/code/init': (request: FetcherRequest) => {
    const { credentialKind } = request.body as { credentialKind: string };
    if (credentialKind === 'Fido2') return challengeResponse;
    const { authenticatorSelection: _a, excludeCredentials: _e, ...keyChallenge } = challengeResponse;
    return { ...keyChallenge, kind: credentialKind };
  },
  'POST /auth/credentials/code/verify': (request: FetcherRequest) => {
    const body = request.body as { credentialName: string; credentialKind: CreateCredentialResponse['kind'] };
    return { ...createdCredential, name: body.credentialName, kind: body.credentialKind };
  },
};

function codeBackend(overrides: Parameters<typeof fakeFetcher>[0] = {}) {
  return fakeFetcher({ ...codeRoutes, ...overrides });
}

const inits = (requests: FetcherRequest[]) => requests.filter((r) => r.path === '/auth/credentials/code/init');
const codeField = () => screen.getByRole('textbox', { name: 'Code from your other device' });
const nameField = () => screen.getByRole('textbox', { name: /^Credential name/ });
const refusal = (status: number, message: string) => () => {
  throw Object.assign(new Error(message), { httpStatus: status, context: { body: { error: { message } } } });
};

/** A button of the host's own: its submit checks the code first, as the form's does. */
function SaveButton() {
  const { submit } = useRegisterCredentialContext();
  return (
    <button type="button" onClick={submit}>
      Ajouter
    </button>
  );
}

describe('RegisterWithCode', () => {
  it('should prefill the code from the link, fetch the challenge ahead with it, and add the passkey', async () => {
    const user = userEvent.setup();
    const { fetcher, requests, answered } = codeBackend();
    const onRegistered = vi.fn();
    renderWithClient(
      <RegisterWithCode
        fetcher={fetcher}
        rp={rp}
        credentials={fakeCredentials()}
        defaultCode="ABC-DEF-GHI"
        onRegistered={onRegistered}
      />,
    );
    expect(codeField()).toHaveValue('ABC-DEF-GHI');
    expect(codeField()).toHaveAttribute('autocomplete', 'one-time-code');
    // The link's code, untouched: the challenge is fetched before the click.
    await waitFor(() => expect(answered.map((r) => r.path)).toEqual(['/auth/credentials/code/init']));
    await user.type(nameField(), 'Phone');
    await user.click(screen.getByRole('button', { name: 'Register passkey' }));

    const status = screen.getByRole('status');
    await waitFor(() =>
      expect(status).toHaveTextContent(
        'Passkey “Phone” added to your account. You can now sign in with it on this device.',
      ),
    );
    // Once the success is painted.
    await waitFor(() => expect(status).toHaveFocus());
    expect(requests.map((r) => r.path)).toEqual(['/auth/credentials/code/init', '/auth/credentials/code/verify']);
    expect(inits(requests)[0]?.body).toEqual({ code: 'ABC-DEF-GHI', credentialKind: 'Fido2' });
    expect(requests[1]?.body).toMatchObject({ credentialName: 'Phone', credentialKind: 'Fido2' });
    expect(requests.some((r) => r.headers?.['X-DFNS-USERACTION'])).toBe(false);
    expect(onRegistered).toHaveBeenCalledWith(expect.objectContaining({ name: 'Phone' }), undefined);
    // Spent: the code is not offered again.
    expect(codeField()).toHaveValue('');
  });

  it('should send a code typed by hand only on submit, never while it is typed', async () => {
    const user = userEvent.setup();
    const { fetcher, requests } = codeBackend();
    renderWithClient(<RegisterWithCode fetcher={fetcher} rp={rp} credentials={fakeCredentials()} />);
    expect(codeField()).toHaveValue('');
    await user.type(codeField(), 'XYZ-XYZ-XYZ');
    await user.type(nameField(), 'Phone');
    await user.click(screen.getByRole('button', { name: 'Register passkey' }));

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Passkey “Phone” added'));
    expect(inits(requests).map((r) => r.body)).toEqual([{ code: 'XYZ-XYZ-XYZ', credentialKind: 'Fido2' }]);
  });

  it("should stop fetching ahead once the link's code is edited, and register with the edited one", async () => {
    const user = userEvent.setup();
    const { fetcher, requests, answered } = codeBackend();
    renderWithClient(
      <RegisterWithCode fetcher={fetcher} rp={rp} credentials={fakeCredentials()} defaultCode="OLD-OLD-OLD" />,
    );
    await waitFor(() => expect(answered.map((r) => r.path)).toEqual(['/auth/credentials/code/init']));
    await user.clear(codeField());
    await user.type(codeField(), 'NEW-NEW-NEW');
    await user.type(nameField(), 'Phone');
    await user.click(screen.getByRole('button', { name: 'Register passkey' }));

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Passkey “Phone” added'));
    expect(inits(requests).map((r) => (r.body as { code: string }).code)).toEqual(['OLD-OLD-OLD', 'NEW-NEW-NEW']);
  });

  it('should ask for the code instead of sending an empty one, on the code field', async () => {
    const user = userEvent.setup();
    const { fetcher, requests } = codeBackend();
    renderWithClient(<RegisterWithCode fetcher={fetcher} rp={rp} credentials={fakeCredentials()} />);
    await user.type(nameField(), 'Phone');
    await user.click(screen.getByRole('button', { name: 'Register passkey' }));

    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Enter the code from your other device.');
    expect(alert).toHaveAttribute('data-code', 'invalid-input');
    expect(codeField()).toHaveAttribute('aria-invalid', 'true');
    expect(codeField()).toHaveAttribute('aria-describedby', alert.id);
    expect(nameField()).not.toHaveAttribute('aria-invalid');
    // The name field points at its hint only, not at the code's error.
    expect(nameField()).toHaveAttribute('aria-describedby', `${nameField().id}-hint`);
    expect(requests).toHaveLength(0);

    // With a code, a passkey's name may be left blank: it is named after its provider (none here: "Passkey").
    await user.clear(nameField());
    await user.type(codeField(), 'ABC-DEF-GHI');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(codeField()).not.toHaveAttribute('aria-invalid');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Passkey “Passkey” added'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it.each([400, 410])(
    'should say a code refused with %i is expired, used or mistyped, on the code field, with focus on the alert',
    async (status) => {
      const user = userEvent.setup();
      const { fetcher, requests } = codeBackend({
        'POST /auth/credentials/code/init': refusal(status, 'code has expired'),
      });
      const onError = vi.fn();
      renderWithClient(
        <RegisterWithCode
          fetcher={fetcher}
          rp={rp}
          credentials={fakeCredentials()}
          defaultCode="ABC-DEF-GHI"
          onError={onError}
        />,
      );
      await user.type(nameField(), 'Phone');
      await user.click(screen.getByRole('button', { name: 'Register passkey' }));

      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent(
        'This code is expired, already used or mistyped. Ask for a new one on your other device.',
      );
      expect(alert).toHaveAttribute('data-code', 'invalid-code');
      expect(alert).toHaveFocus();
      expect(codeField()).toHaveAttribute('aria-invalid', 'true');
      expect(codeField()).toHaveAttribute('aria-describedby', alert.id);
      // The name field points at its hint only, not at the code's error.
      expect(nameField()).toHaveAttribute('aria-describedby', `${nameField().id}-hint`);
      expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'invalid-code', status }));
      expect(requests.some((r) => r.path === '/auth/credentials/code/verify')).toBe(false);
      // The link's code was tried ahead; once refused it is not sent again, not even on the click.
      expect(inits(requests)).toHaveLength(1);

      // A different code is no longer the refused one.
      await user.type(codeField(), 'X');
      expect(codeField()).not.toHaveAttribute('aria-invalid');
    },
  );

  it('should take the host texts, classes and attributes, and let a form of its own be composed', async () => {
    const user = userEvent.setup();
    const { fetcher, requests } = codeBackend();
    renderWithClient(
      <RegisterWithCode.Root
        fetcher={fetcher}
        rp={rp}
        credentials={fakeCredentials()}
        aria-label="Nouvelle clé"
        classNames={{ input: 'field' }}
        messages={{ codeLabel: 'Code de l’autre appareil', codeMissing: 'Saisissez le code.' }}
      >
        <RegisterWithCode.CodeField placeholder="ABC-DEF-GHI" />
        <RegisterWithCode.NameField />
        <SaveButton />
        <RegisterWithCode.Error />
      </RegisterWithCode.Root>,
    );
    const form = screen.getByRole('form', { name: 'Nouvelle clé' });
    const field = within(form).getByRole('textbox', { name: 'Code de l’autre appareil' });
    expect(field).toHaveAttribute('placeholder', 'ABC-DEF-GHI');
    expect(field).toHaveClass('field');
    await user.click(within(form).getByRole('button', { name: 'Ajouter' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Saisissez le code.');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(requests).toHaveLength(0);
  });

  it.each<[RegistrableCredentialKind, string]>([
    ['Fido2', 'Register passkey'],
    ['Key', 'Create key'],
    ['PasswordProtectedKey', 'Create password-protected key'],
    ['RecoveryKey', 'Create recovery key'],
  ])('should register a %s through the code routes', async (kind, submit) => {
    const user = userEvent.setup();
    const { fetcher, requests } = codeBackend();
    renderWithClient(
      <RegisterWithCode
        kind={kind}
        fetcher={fetcher}
        rp={rp}
        credentials={fakeCredentials()}
        defaultCode="ABC-DEF-GHI"
      />,
    );
    await user.type(nameField(), 'Second');
    if (kind === 'PasswordProtectedKey') {
      // The password fields are a chunk of their own: on a busy machine it may still be loading.
      await user.type(await screen.findByLabelText('Password'), 'correct horse battery');
      await user.type(screen.getByLabelText('Confirm password'), 'correct horse battery');
    }
    await user.click(screen.getByRole('button', { name: submit }));
    if (kind === 'RecoveryKey') {
      const step = await screen.findByRole('group', { name: 'Save your recovery code' });
      await user.click(within(step).getByRole('checkbox', { name: 'I have saved my recovery code' }));
      await user.click(within(step).getByRole('button', { name: 'Finish registration' }));
    }

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('“Second” added to your account.'));
    const verify = requests.filter((r) => r.path === '/auth/credentials/code/verify');
    expect(verify).toHaveLength(1);
    expect(verify[0]?.body).toMatchObject({ credentialKind: kind, credentialName: 'Second' });
    expect(inits(requests).at(-1)?.body).toEqual({ code: 'ABC-DEF-GHI', credentialKind: kind });
    expect(requests.some((r) => r.path === '/auth/credentials' || r.path === '/auth/credentials/init')).toBe(false);
  });
});
