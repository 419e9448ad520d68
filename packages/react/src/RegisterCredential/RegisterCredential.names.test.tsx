// Issue 29, provider names: a passkey's name may be left blank, and is then named after its provider
// (core reads the AAGUID in the attestation); a key kind's name stays required.
import type { RegistrableCredentialKind } from '@credkit/core';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeCredentials, fakeFetcher, providerCredentials, renderWithClient } from '../test/utils.tsx';
import { RegisterCredential } from './RegisterCredential.tsx';

const rp = { id: 'localhost', name: 'credkit' };
const GOOGLE = 'ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4';
const APPLE = 'fbfc3007-154e-4ecc-8c0b-6e020557d7bd';
const posts = (requests: ReturnType<typeof fakeFetcher>['requests']) =>
  requests.filter((request) => request.path === '/auth/credentials');

describe('RegisterCredential: a passkey name left blank', () => {
  it('should say the name is optional and what a blank one becomes, without requiring it', () => {
    const { fetcher } = fakeFetcher();
    renderWithClient(<RegisterCredential fetcher={fetcher} rp={rp} credentials={fakeCredentials()} />);
    const field = screen.getByRole('textbox', { name: 'Credential name (optional)' });
    expect(field).not.toBeRequired();
    expect(field).not.toHaveAttribute('aria-required');
    expect(field).toHaveAccessibleDescription('Left blank, it is named after your password manager.');
    const hint = document.getElementById(`${field.id}-hint`);
    expect(hint).toHaveAttribute('data-credkit-part', 'hint');
    expect(field).toHaveAttribute('aria-describedby', hint?.id);
  });

  it("should register a passkey left without a name under its provider's name, and announce that name", async () => {
    const user = userEvent.setup();
    const { fetcher, requests } = fakeFetcher();
    renderWithClient(<RegisterCredential fetcher={fetcher} rp={rp} credentials={providerCredentials(GOOGLE)} />);
    await user.click(screen.getByRole('button', { name: 'Register passkey' }));

    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('Passkey “Google Password Manager” registered.'),
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(posts(requests)).toHaveLength(1);
    expect(posts(requests)[0]?.body).toMatchObject({
      credentialKind: 'Fido2',
      credentialName: 'Google Password Manager',
    });
  });

  it('should take a name of spaces only as blank', async () => {
    const user = userEvent.setup();
    const { fetcher, requests } = fakeFetcher();
    renderWithClient(<RegisterCredential fetcher={fetcher} rp={rp} credentials={providerCredentials(APPLE)} />);
    await user.type(screen.getByRole('textbox', { name: /^Credential name/ }), '   {Enter}');

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Passkey “Apple Passwords” registered.'));
    expect(posts(requests)[0]?.body).toMatchObject({ credentialName: 'Apple Passwords' });
  });

  it("should keep a typed name, not the provider's", async () => {
    const user = userEvent.setup();
    const { fetcher, requests } = fakeFetcher();
    renderWithClient(<RegisterCredential fetcher={fetcher} rp={rp} credentials={providerCredentials(GOOGLE)} />);
    await user.type(screen.getByRole('textbox', { name: /^Credential name/ }), '  Work laptop {Enter}');

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Passkey “Work laptop” registered.'));
    expect(posts(requests)[0]?.body).toMatchObject({ credentialName: 'Work laptop' });
  });

  it('should name it "Passkey" when the attestation names no provider', async () => {
    const user = userEvent.setup();
    const { fetcher, requests } = fakeFetcher();
    renderWithClient(<RegisterCredential fetcher={fetcher} rp={rp} credentials={fakeCredentials()} />);
    await user.click(screen.getByRole('button', { name: 'Register passkey' }));

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Passkey “Passkey” registered.'));
    expect(posts(requests)[0]?.body).toMatchObject({ credentialName: 'Passkey' });
  });

  it("should take the host's label and hint, and no hint when given false", () => {
    const { fetcher } = fakeFetcher();
    const { rerender } = renderWithClient(
      <RegisterCredential.Root
        fetcher={fetcher}
        rp={rp}
        credentials={fakeCredentials()}
        messages={{ optionalNameLabel: 'Nom (facultatif)', optionalNameHint: 'Vide : le nom du gestionnaire.' }}
      >
        <RegisterCredential.NameField />
      </RegisterCredential.Root>,
    );
    expect(screen.getByRole('textbox', { name: 'Nom (facultatif)' })).toHaveAccessibleDescription(
      'Vide : le nom du gestionnaire.',
    );
    rerender(
      <RegisterCredential.Root fetcher={fetcher} rp={rp} credentials={fakeCredentials()}>
        <RegisterCredential.NameField hint={false} />
      </RegisterCredential.Root>,
    );
    const field = screen.getByRole('textbox', { name: 'Credential name (optional)' });
    expect(field).not.toHaveAttribute('aria-describedby');
    expect(document.querySelector('[data-credkit-part="hint"]')).not.toBeInTheDocument();
  });
});

describe('RegisterCredential: a key kind needs a name', () => {
  const submitText: Record<Exclude<RegistrableCredentialKind, 'Fido2'>, string> = {
    Key: 'Create key',
    PasswordProtectedKey: 'Create password-protected key',
    RecoveryKey: 'Create recovery key',
  };

  // A key made in the page has no provider to be named after: its name is the only thing that tells it apart.
  it.each(Object.entries(submitText))(
    'should require the name of a %s and send nothing without it',
    async (kind, submit) => {
      const user = userEvent.setup();
      const { fetcher, requests } = fakeFetcher();
      renderWithClient(<RegisterCredential kind={kind as RegistrableCredentialKind} fetcher={fetcher} rp={rp} />);
      const field = screen.getByRole('textbox', { name: 'Credential name' });
      expect(field).toBeRequired();
      expect(document.querySelector('[data-credkit-part="hint"]')).not.toBeInTheDocument();
      await user.type(field, '   ');
      await user.click(screen.getByRole('button', { name: submit }));

      expect(screen.getByRole('alert')).toHaveTextContent('Give the credential a name.');
      expect(field).toHaveAttribute('aria-invalid', 'true');
      expect(requests).toHaveLength(0);
    },
  );
});
