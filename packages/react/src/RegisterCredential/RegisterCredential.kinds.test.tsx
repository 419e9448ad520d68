import { CredkitError } from '@credkit/core';
import { parseRecoveryKit } from '@credkit/core/keys';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFetcher, renderWithClient } from '../test/utils.tsx';
import { RegisterCredential } from './RegisterCredential.tsx';
import { useRegisterCredentialContext } from './registerCredentialContext.ts';

const rp = { id: 'localhost', name: 'credkit' };
const posts = (requests: ReturnType<typeof fakeFetcher>['requests']) =>
  requests.filter((request) => request.path === '/auth/credentials');

describe('RegisterCredential for key kinds', () => {
  afterEach(() => vi.restoreAllMocks());

  it('should register a Key and give the host its non-extractable key pair', async () => {
    const user = userEvent.setup();
    const { fetcher, requests } = fakeFetcher();
    const onRegistered = vi.fn();
    renderWithClient(<RegisterCredential kind="Key" fetcher={fetcher} rp={rp} onRegistered={onRegistered} />);
    await user.type(screen.getByRole('textbox', { name: /^Credential name/ }), 'Server key');
    await user.click(screen.getByRole('button', { name: 'Create key' }));

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Key “Server key” registered.'));
    expect(posts(requests)[0]?.body).toMatchObject({ credentialKind: 'Key', credentialName: 'Server key' });
    const [, key] = onRegistered.mock.calls[0] ?? [];
    expect(key.keyPair.privateKey.extractable).toBe(false);
  });

  it('should ask for a password twice and say clearly when they differ', async () => {
    const user = userEvent.setup();
    const { fetcher, requests } = fakeFetcher();
    renderWithClient(<RegisterCredential kind="PasswordProtectedKey" fetcher={fetcher} rp={rp} />);
    await user.type(screen.getByRole('textbox', { name: /^Credential name/ }), 'Backup');
    // The password fields are a chunk loaded when the form first shows them.
    await user.type(await screen.findByLabelText('Password'), 'long enough password');
    await user.type(screen.getByLabelText('Confirm password'), 'long enough passw0rd');
    await user.click(screen.getByRole('button', { name: 'Create password-protected key' }));

    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The passwords do not match.');
    expect(screen.getByLabelText('Confirm password')).toHaveAttribute('aria-describedby', alert.id);
    expect(screen.getByLabelText('Confirm password')).toHaveAttribute('aria-invalid', 'true');
    expect(posts(requests)).toHaveLength(0);

    await user.clear(screen.getByLabelText('Password'));
    await user.type(screen.getByLabelText('Password'), 'short');
    await user.clear(screen.getByLabelText('Confirm password'));
    await user.type(screen.getByLabelText('Confirm password'), 'short');
    await user.click(screen.getByRole('button', { name: 'Create password-protected key' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Use a password of at least 8 characters.');
  });

  it('should register a PasswordProtectedKey without ever sending the password', async () => {
    const user = userEvent.setup();
    const { fetcher, requests } = fakeFetcher();
    renderWithClient(<RegisterCredential kind="PasswordProtectedKey" fetcher={fetcher} rp={rp} />);
    await user.type(screen.getByRole('textbox', { name: /^Credential name/ }), 'Backup');
    // The password fields are a chunk loaded when the form first shows them.
    await user.type(await screen.findByLabelText('Password'), 'correct horse battery');
    await user.type(screen.getByLabelText('Confirm password'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Create password-protected key' }));

    await waitFor(
      () => expect(screen.getByRole('status')).toHaveTextContent('Password-protected key “Backup” registered.'),
      { timeout: 20_000 },
    );
    expect(posts(requests)[0]?.body).toHaveProperty('encryptedPrivateKey');
    expect(JSON.stringify(requests)).not.toContain('correct horse battery');
    expect(screen.getByLabelText('Password')).toHaveValue('');
  });

  // Issue 17: after a failure, and after reset(), the password stayed in the fields (and the engine).
  it('should empty the password fields when the attempt fails, and on reset()', async () => {
    const user = userEvent.setup();
    const { fetcher } = fakeFetcher({
      'POST /auth/credentials/init': () => {
        throw new CredkitError('network');
      },
    });
    function ResetButton() {
      const form = useRegisterCredentialContext();
      return (
        <button type="button" onClick={form.registration.reset}>
          Start over
        </button>
      );
    }
    renderWithClient(
      <RegisterCredential.Root kind="PasswordProtectedKey" fetcher={fetcher} rp={rp}>
        <RegisterCredential.NameField />
        <RegisterCredential.PasswordFields />
        <RegisterCredential.Submit />
        <RegisterCredential.Error />
        <ResetButton />
      </RegisterCredential.Root>,
    );
    const typePassword = async () => {
      await user.type(await screen.findByLabelText('Password'), 'correct horse battery');
      await user.type(screen.getByLabelText('Confirm password'), 'correct horse battery');
    };
    await user.type(screen.getByRole('textbox', { name: /^Credential name/ }), 'Backup');
    await typePassword();
    await user.click(screen.getByRole('button', { name: 'Create password-protected key' }));

    await waitFor(() => expect(screen.getByRole('alert')).toHaveAttribute('data-code', 'network'));
    expect(screen.getByLabelText('Password')).toHaveValue('');
    expect(screen.getByLabelText('Confirm password')).toHaveValue('');
    expect(screen.getByRole('textbox', { name: /^Credential name/ })).toHaveValue('Backup');

    await typePassword();
    await user.click(screen.getByRole('button', { name: 'Start over' }));
    expect(screen.getByLabelText('Password')).toHaveValue('');
    expect(screen.getByLabelText('Confirm password')).toHaveValue('');
  });

  // Issue 28: the ID came only after the code was gone, in the status; Download held the code alone.
  it('should show the recovery kit once, whole, and register it only after the person confirms saving it', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(async (_text: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const downloads: Blob[] = [];
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      downloads.push(blob as Blob);
      return 'blob:kit';
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { fetcher, requests } = fakeFetcher();
    renderWithClient(<RegisterCredential kind="RecoveryKey" fetcher={fetcher} rp={rp} username="alice@example.com" />);
    await user.type(screen.getByRole('textbox', { name: /^Credential name/ }), 'Recovery');
    await user.click(screen.getByRole('button', { name: 'Create recovery key' }));

    const step = await screen.findByRole('group', { name: 'Save your recovery code' });
    // It appears with focus on it (its legend and help are read), not on <body>.
    await waitFor(() => expect(step).toHaveFocus());
    expect(step).toHaveAccessibleDescription(/asks for both the recovery key ID and the code/);
    const code = (within(step).getByRole('textbox', { name: 'Recovery code' }) as HTMLTextAreaElement).value;
    const credentialId = (within(step).getByRole('textbox', { name: 'Recovery key ID' }) as HTMLTextAreaElement).value;
    expect(code).toMatch(/^D1-([0-9A-Z]{5}-){5}[0-9A-Z]{5}$/);
    expect(credentialId).toMatch(/^[\w-]{43}$/);
    const finish = within(step).getByRole('button', { name: 'Finish registration' });
    expect(finish).toBeDisabled();
    expect(posts(requests)).toHaveLength(0);

    const kit = {
      site: 'localhost',
      username: 'alice@example.com',
      credentialName: 'Recovery',
      credentialId,
      recoveryCode: code,
    };
    await user.click(within(step).getByRole('button', { name: 'Copy ID and code' }));
    expect(parseRecoveryKit(writeText.mock.calls[0]?.[0] ?? '')).toEqual(kit);
    expect(step).toHaveTextContent('The recovery key ID and code are copied to the clipboard.');
    await user.click(within(step).getByRole('button', { name: 'Download .txt' }));
    expect(parseRecoveryKit(await (downloads[0] as Blob).text())).toEqual(kit);
    expect(click).toHaveBeenCalledTimes(1);
    createObjectURL.mockRestore();
    click.mockRestore();

    await user.click(within(step).getByRole('checkbox', { name: 'I have saved my recovery code' }));
    expect(finish).toBeEnabled();
    await user.click(finish);
    // Busy, Finish keeps focus (aria-disabled) and refuses a second registration.
    expect(finish).toHaveFocus();
    expect(finish).toHaveAttribute('aria-disabled', 'true');
    await user.click(finish);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Recovery key “Recovery” registered.'), {
      timeout: 20_000,
    });
    // The status says nothing the kit did not: no ID comes only now.
    expect(screen.getByRole('status')).not.toHaveTextContent(credentialId);
    expect(posts(requests)).toHaveLength(1);
    expect(posts(requests)[0]?.body).toMatchObject({
      credentialKind: 'RecoveryKey',
      credentialInfo: { credId: credentialId },
    });
    expect(JSON.stringify(requests)).not.toContain(code);
    expect(screen.queryByDisplayValue(code)).not.toBeInTheDocument();
  });

  it('should discard the code and register nothing when the person backs out', async () => {
    const user = userEvent.setup();
    const { fetcher, requests } = fakeFetcher();
    renderWithClient(<RegisterCredential kind="RecoveryKey" fetcher={fetcher} rp={rp} />);
    await user.type(screen.getByRole('textbox', { name: /^Credential name/ }), 'Recovery');
    await user.click(screen.getByRole('button', { name: 'Create recovery key' }));
    await user.click(await screen.findByRole('button', { name: 'Discard code' }));
    expect(screen.queryByRole('group', { name: 'Save your recovery code' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create recovery key' })).toBeEnabled();
    expect(requests).toHaveLength(0);
  });
});
