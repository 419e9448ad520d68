import type { AuthenticatorChoice, WebAuthnCapabilities } from '@credkit/core';
import { UNKNOWN_CAPABILITIES } from '@credkit/core';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef, type ReactNode, useState } from 'react';
import { createPortal } from 'react-dom';
import { describe, expect, it, vi } from 'vitest';
import { createTestQueryClient, fakeCredentials, fakeFetcher, renderWithClient } from '../test/utils.tsx';
import { capabilitiesQueryKey } from '../useWebAuthnCapabilities.ts';
import { RegisterCredential } from './RegisterCredential.tsx';
import { useRegisterCredentialContext } from './registerCredentialContext.ts';

const rp = { id: 'localhost', name: 'credkit' };
const posts = (requests: ReturnType<typeof fakeFetcher>['requests']) =>
  requests.filter((request) => request.path === '/auth/credentials');

/** A host's own dialog: rendered outside the form, as design systems' dialogs are (a portal). */
function HostDialog({ title, children }: { title: string; children: ReactNode }) {
  return createPortal(
    <div role="dialog" aria-label={title}>
      {children}
    </div>,
    document.body,
  );
}

/** A host's own button, wired to the form through useRegisterCredentialContext. */
function HostSaveButton() {
  const { submit, disabled, messages, kind } = useRegisterCredentialContext();
  return (
    <button type="button" className="ds-button" onClick={submit} disabled={disabled}>
      Save — {messages.submit[kind]}
    </button>
  );
}

/** A custom layout: the fields in a dialog, the host's button, credkit's status, error, step and fallback. */
function CustomLayout(props: Omit<Parameters<typeof RegisterCredential.Root>[0], 'children'>) {
  return (
    <RegisterCredential.Root {...props} aria-label="Add a credential">
      <HostDialog title="Name it">
        <RegisterCredential.NameField />
        <RegisterCredential.PasswordFields />
        <RegisterCredential.Error />
      </HostDialog>
      <RegisterCredential.RecoveryCodeStep />
      <HostSaveButton />
      <RegisterCredential.Status />
      <RegisterCredential.Unsupported />
    </RegisterCredential.Root>
  );
}

describe('RegisterCredential parts in a layout of the host', () => {
  it("should register from the host's button with the name field in a dialog outside the form", async () => {
    const user = userEvent.setup();
    const { fetcher, requests } = fakeFetcher();
    renderWithClient(<CustomLayout fetcher={fetcher} rp={rp} credentials={fakeCredentials()} />);
    const dialog = screen.getByRole('dialog', { name: 'Name it' });
    expect(screen.getByRole('form', { name: 'Add a credential' })).not.toContainElement(dialog);

    const field = within(dialog).getByRole('textbox', { name: /^Credential name/ });
    // A name core refuses: its error shows in the dialog, with the field.
    await user.type(field, 'Bank\u202Eyek-ssap');
    await user.click(screen.getByRole('button', { name: 'Save — Register passkey' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(/bidirectional control characters/);
    expect(posts(requests)).toHaveLength(0);

    await user.clear(field);
    await user.type(field, 'Phone');
    await user.click(screen.getByRole('button', { name: 'Save — Register passkey' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Passkey “Phone” registered.'));
    expect(posts(requests)[0]?.body).toMatchObject({ credentialName: 'Phone' });
  });

  it('should keep the password checks of a PasswordProtectedKey', async () => {
    const user = userEvent.setup();
    const { fetcher, requests } = fakeFetcher();
    renderWithClient(<CustomLayout kind="PasswordProtectedKey" fetcher={fetcher} rp={rp} />);
    const dialog = screen.getByRole('dialog', { name: 'Name it' });
    await user.type(within(dialog).getByRole('textbox', { name: /^Credential name/ }), 'Backup');
    await user.type(await within(dialog).findByLabelText('Password'), 'correct horse battery');
    await user.type(within(dialog).getByLabelText('Confirm password'), 'correct horse batterx');
    await user.click(screen.getByRole('button', { name: /^Save/ }));

    const alert = within(dialog).getByRole('alert');
    expect(alert).toHaveTextContent('The passwords do not match.');
    expect(within(dialog).getByLabelText('Confirm password')).toHaveAttribute('aria-describedby', alert.id);
    expect(requests).toHaveLength(0);
  });

  it('should show the recovery code step before registering a RecoveryKey', async () => {
    const user = userEvent.setup();
    const { fetcher, requests } = fakeFetcher();
    renderWithClient(<CustomLayout kind="RecoveryKey" fetcher={fetcher} rp={rp} />);
    await user.type(screen.getByRole('textbox', { name: /^Credential name/ }), 'Recovery');
    await user.click(screen.getByRole('button', { name: /^Save/ }));

    const step = await screen.findByRole('group', { name: 'Save your recovery code' });
    expect(screen.getByRole('button', { name: /^Save/ })).toBeDisabled();
    await user.click(within(step).getByRole('checkbox', { name: 'I have saved my recovery code' }));
    await user.click(within(step).getByRole('button', { name: 'Finish registration' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Recovery key “Recovery” registered.'), {
      timeout: 20_000,
    });
    expect(posts(requests)).toHaveLength(1);
  });

  it("should run the host's validate first on every submit, and stop when it says no", async () => {
    const user = userEvent.setup();
    const { fetcher, requests } = fakeFetcher();
    let allowed = false;
    const validate = vi.fn(() => allowed);
    renderWithClient(<CustomLayout fetcher={fetcher} rp={rp} credentials={fakeCredentials()} validate={validate} />);
    const dialog = screen.getByRole('dialog', { name: 'Name it' });
    await user.click(screen.getByRole('button', { name: /^Save/ }));
    // Stopped before the form's own checks: no name problem shown, nothing sent.
    expect(validate).toHaveBeenCalledTimes(1);
    expect(within(dialog).queryByRole('alert')).toBeNull();

    allowed = true;
    await user.type(within(dialog).getByRole('textbox', { name: /^Credential name/ }), 'Phone');
    await user.click(screen.getByRole('button', { name: /^Save/ }));
    await waitFor(() => expect(posts(requests)).toHaveLength(1));
    expect(validate).toHaveBeenCalledTimes(2);
  });

  it("should call the host's onSubmit first, and not register when it prevents the default", async () => {
    const user = userEvent.setup();
    const { fetcher, requests } = fakeFetcher();
    const onSubmit = vi.fn((event: { preventDefault: () => void }) => event.preventDefault());
    renderWithClient(
      <RegisterCredential fetcher={fetcher} rp={rp} credentials={fakeCredentials()} onSubmit={onSubmit} />,
    );
    await user.type(screen.getByRole('textbox', { name: /^Credential name/ }), 'Phone');
    await user.click(screen.getByRole('button', { name: 'Register passkey' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('status')).toHaveTextContent('');
    expect(posts(requests)).toHaveLength(0);
  });

  it('should show the unsupported fallback where WebAuthn is missing, and hide the fields', async () => {
    // jsdom has no PublicKeyCredential: the capability check finds no WebAuthn.
    const { fetcher, requests } = fakeFetcher();
    renderWithClient(<CustomLayout fetcher={fetcher} rp={rp} />);
    expect(await screen.findByText(/This browser cannot create passkeys here/)).toHaveAttribute(
      'data-credkit-part',
      'unsupported',
    );
    expect(screen.getByRole('form', { name: 'Add a credential' })).toHaveAttribute('data-state', 'unsupported');
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(requests).toHaveLength(0);
  });
});

describe('RegisterCredential parts', () => {
  it('should forward refs and pass HTML attributes through to their elements', () => {
    const { fetcher } = fakeFetcher();
    const form = createRef<HTMLFormElement>();
    const input = createRef<HTMLInputElement>();
    const submit = createRef<HTMLButtonElement>();
    const status = createRef<HTMLParagraphElement>();
    renderWithClient(
      <RegisterCredential.Root
        ref={form}
        fetcher={fetcher}
        rp={rp}
        credentials={fakeCredentials()}
        id="add"
        title="Add"
      >
        <RegisterCredential.NameField ref={input} placeholder="My laptop" data-testid="name" />
        <RegisterCredential.Submit ref={submit} className="ds-primary" aria-describedby="hint" />
        <RegisterCredential.Status ref={status} className="ds-live" />
      </RegisterCredential.Root>,
    );
    expect(form.current).toHaveAttribute('id', 'add');
    expect(form.current).toHaveAttribute('title', 'Add');
    expect(input.current).toBe(screen.getByTestId('name'));
    expect(input.current).toHaveAttribute('placeholder', 'My laptop');
    expect(submit.current).toHaveClass('ds-primary');
    expect(submit.current).toHaveAttribute('aria-describedby', 'hint');
    expect(status.current).toBe(screen.getByRole('status'));
    expect(status.current).toHaveClass('ds-live');
  });

  it('should use one name for each part in classNames and data-credkit-part', async () => {
    const { fetcher } = fakeFetcher();
    const client = createTestQueryClient();
    const capabilities: WebAuthnCapabilities = { ...UNKNOWN_CAPABILITIES, webAuthn: true, hybridTransport: true };
    client.setQueryData(capabilitiesQueryKey, capabilities);
    renderWithClient(
      <RegisterCredential
        fetcher={fetcher}
        rp={rp}
        credentials={fakeCredentials()}
        authenticatorChoices={['security-key', 'phone']}
        classNames={{
          label: 'c-label',
          input: 'c-input',
          choices: 'c-choices',
          choice: 'c-choice',
          submit: 'c-submit',
        }}
      />,
      client,
    );
    for (const part of ['label', 'input', 'choices', 'choice', 'submit']) {
      for (const element of document.querySelectorAll(`[data-credkit-part="${part}"]`)) {
        expect(element).toHaveClass(`c-${part}`);
      }
    }
    expect(document.querySelectorAll('[data-credkit-part="choice"]')).toHaveLength(2);
  });

  it('should let the host control the name and the authenticator choice', async () => {
    const user = userEvent.setup();
    const { fetcher, requests } = fakeFetcher();
    const client = createTestQueryClient();
    client.setQueryData(capabilitiesQueryKey, { ...UNKNOWN_CAPABILITIES, webAuthn: true, hybridTransport: true });
    const seen: string[] = [];
    function Controlled() {
      const [name, setName] = useState('Work laptop');
      const [choice, setChoice] = useState<AuthenticatorChoice>('phone');
      return (
        <>
          <RegisterCredential
            fetcher={fetcher}
            rp={rp}
            credentials={fakeCredentials()}
            authenticatorChoices={['security-key', 'phone']}
            credentialName={name}
            onCredentialNameChange={(value) => {
              seen.push(value);
              setName(value.toUpperCase());
            }}
            authenticator={choice}
            onAuthenticatorChange={setChoice}
          />
          <output aria-label="host choice">{choice}</output>
        </>
      );
    }
    renderWithClient(<Controlled />, client);
    const field = screen.getByRole('textbox', { name: /^Credential name/ });
    expect(field).toHaveValue('Work laptop');
    expect(screen.getByRole('radio', { name: 'Phone or tablet' })).toBeChecked();
    await user.clear(field);
    await user.type(field, 'ab');
    expect(field).toHaveValue('AB');
    expect(seen.at(-1)).toBe('Ab');
    await user.click(screen.getByRole('radio', { name: 'Security key' }));
    expect(screen.getByLabelText('host choice')).toHaveTextContent('security-key');
    await user.click(screen.getByRole('button', { name: 'Register passkey' }));
    await waitFor(() => expect(posts(requests)).toHaveLength(1));
    expect(posts(requests)[0]?.body).toMatchObject({ credentialName: 'AB' });
  });

  it('should say clearly when a part is used outside its root', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => render(<RegisterCredential.Submit />)).toThrow(/inside <RegisterCredential.Root>/);
    spy.mockRestore();
  });

  it("should submit from credkit's own Submit inside a portal, the field belonging to the form too", async () => {
    const user = userEvent.setup();
    const { fetcher, requests } = fakeFetcher();
    renderWithClient(
      <RegisterCredential.Root fetcher={fetcher} rp={rp} credentials={fakeCredentials()}>
        <HostDialog title="Name it">
          <RegisterCredential.NameField />
          <RegisterCredential.Submit />
        </HostDialog>
        <RegisterCredential.Status />
      </RegisterCredential.Root>,
    );
    const field = screen.getByRole('textbox', { name: /^Credential name/ }) as HTMLInputElement;
    // Its form owner is the root's form (the `form` attribute), so Enter submits it in a browser.
    expect(field.form).toBe(document.querySelector('form[data-credkit="register-credential"]'));
    await user.type(field, 'Laptop');
    await user.click(screen.getByRole('button', { name: 'Register passkey' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Passkey “Laptop” registered.'));
    expect(posts(requests)[0]?.body).toMatchObject({ credentialName: 'Laptop' });
  });

  it("should keep the host's id and aria-describedby on the name field, and point at no error that is not shown", async () => {
    const user = userEvent.setup();
    const { fetcher } = fakeFetcher();
    renderWithClient(
      <RegisterCredential.Root kind="Key" fetcher={fetcher} rp={rp}>
        <RegisterCredential.NameField id="my-name" aria-describedby="my-hint" />
        <p id="my-hint">A name you will recognise.</p>
        <RegisterCredential.Submit />
      </RegisterCredential.Root>,
    );
    const field = screen.getByRole('textbox', { name: /^Credential name/ });
    expect(field).toHaveAttribute('id', 'my-name');
    await user.click(screen.getByRole('button', { name: 'Create key' }));
    // No Error part here: the field is invalid, but describes itself by the host's hint only.
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAttribute('aria-describedby', 'my-hint');
  });

  it('should keep the recovery code while it is on screen, and drop it when the kind changes', async () => {
    const user = userEvent.setup();
    const { fetcher, requests } = fakeFetcher();
    /** A host button that calls submit() whatever the state: the guard must hold, not the button's disabled. */
    function ForceSubmit() {
      const { submit } = useRegisterCredentialContext();
      return (
        <button type="button" onClick={submit}>
          Submit anyway
        </button>
      );
    }
    function KindSwitch() {
      const [kind, setKind] = useState<'RecoveryKey' | 'Key'>('RecoveryKey');
      return (
        <>
          <button type="button" onClick={() => setKind('Key')}>
            Switch to Key
          </button>
          <RegisterCredential.Root kind={kind} fetcher={fetcher} rp={rp}>
            <RegisterCredential.NameField />
            <RegisterCredential.RecoveryCodeStep />
            <RegisterCredential.Submit />
            <ForceSubmit />
          </RegisterCredential.Root>
        </>
      );
    }
    renderWithClient(<KindSwitch />);
    await user.type(screen.getByRole('textbox', { name: /^Credential name/ }), 'Recovery');
    await user.click(screen.getByRole('button', { name: 'Create recovery key' }));
    const step = await screen.findByRole('group', { name: 'Save your recovery code' });
    const code = (within(step).getByLabelText('Recovery code') as HTMLInputElement).value;

    // submit() while the code is on screen must not replace it (the person may have copied it).
    await user.click(screen.getByRole('button', { name: 'Submit anyway' }));
    // A second step would come from the same (already loaded) chunk: once this import settles, so has it.
    await act(async () => {
      await import('../RecoveryCode/recoveryKind.ts');
    });
    expect((within(step).getByLabelText('Recovery code') as HTMLInputElement).value).toBe(code);

    await user.click(screen.getByRole('button', { name: 'Switch to Key' }));
    expect(screen.queryByRole('group', { name: 'Save your recovery code' })).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^Credential name/ })).toBeEnabled();
    expect(requests).toHaveLength(0);
  });
});
