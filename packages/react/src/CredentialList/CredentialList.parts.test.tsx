import type { FetcherRequest } from '@credkit/core';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { credentialsBackend, laptop, oldKey, phone } from '../test/credentialList.ts';
import { deferred, renderWithClient } from '../test/utils.tsx';
import { CredentialList } from './CredentialList.tsx';
import { useCredentialListContext } from './credentialListContext.ts';

/** A host's own rows: cards in a list, with credkit's button and lockout note. */
function CredentialCards() {
  const { credentials, messages, isChanging } = useCredentialListContext();
  return (
    <ul aria-label="Sign-in methods">
      {credentials.map((credential) => (
        <li key={credential.credentialUuid} aria-busy={isChanging(credential)}>
          <h3>{credential.name}</h3>
          <span>{messages.kinds[credential.kind]}</span>
          <CredentialList.Action credential={credential} className="ds-button" />
          <CredentialList.LockoutNote credential={credential} />
        </li>
      ))}
    </ul>
  );
}

describe('CredentialList parts in a layout of the host', () => {
  it("should deactivate from the host's own rows and bring focus back to their button", async () => {
    const user = userEvent.setup();
    const confirm = deferred<void>();
    const backend = credentialsBackend([laptop, phone, oldKey], {
      'PUT /auth/credentials/deactivate': async (request: FetcherRequest): Promise<unknown> => {
        await confirm.promise;
        return backend.setActive(false)(request);
      },
    });
    renderWithClient(
      <CredentialList.Root fetcher={backend.fetcher} aria-label="Credentials">
        <CredentialCards />
        <CredentialList.Status />
        <CredentialList.Error />
      </CredentialList.Root>,
    );
    const button = await screen.findByRole('button', { name: 'Deactivate “Phone”' });
    const cards = screen.getByRole('list', { name: 'Sign-in methods' });
    expect(within(cards).getAllByRole('listitem')).toHaveLength(3);
    expect(within(cards).getAllByText('Passkey')).toHaveLength(2);

    expect(button).toHaveClass('ds-button');
    await user.click(button);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Deactivating “Phone”…'));
    expect(button.closest('li')).toHaveAttribute('aria-busy', 'true');
    act(() => button.blur());
    confirm.resolve();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('“Phone” deactivated.'));
    expect(backend.puts()[0]?.body).toEqual({ credentialUuid: 'cr-phone' });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Activate “Phone”' })).toHaveFocus());
    // Laptop is now the last one that can sign: the host's card shows why its button is off.
    expect(screen.getByRole('button', { name: 'Deactivate “Laptop”' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('button', { name: 'Deactivate “Laptop”' })).toHaveAccessibleDescription(
      /only active credential that can confirm changes/,
    );
  });

  it('should pass attributes and refs through, and mark each part with data-credkit-part and its classNames', async () => {
    const root = createRef<HTMLDivElement>();
    const table = createRef<HTMLTableElement>();
    const status = createRef<HTMLParagraphElement>();
    const { fetcher } = credentialsBackend([laptop, oldKey]);
    renderWithClient(
      <CredentialList.Root
        ref={root}
        fetcher={fetcher}
        id="credentials"
        className="settings"
        classNames={{ table: 'ds-table', row: 'ds-row', cell: 'ds-cell', action: 'ds-action', status: 'ds-status' }}
        messages={{ caption: 'Sign-in methods', columns: { actions: 'Manage' }, kinds: { Fido2: 'Clé d’accès' } }}
      >
        <CredentialList.Table ref={table} data-testid="table" />
        <CredentialList.Status ref={status} className="own" />
      </CredentialList.Root>,
    );
    const element = await screen.findByRole('table', { name: 'Sign-in methods' });
    expect(element).toBe(table.current);
    expect(element).toHaveAttribute('data-credkit-part', 'table');
    expect(element).toHaveClass('ds-table');
    expect(element).toHaveAttribute('data-testid', 'table');
    expect(root.current).toHaveAttribute('id', 'credentials');
    expect(root.current).toHaveClass('settings');
    expect(root.current).toHaveAttribute('data-credkit', 'credential-list');
    expect(root.current).toHaveAttribute('data-state', 'ready');
    expect(status.current).toHaveClass('ds-status', 'own');
    expect(status.current).toHaveAttribute('data-credkit-part', 'status');
    expect(screen.getByRole('columnheader', { name: 'Manage' })).toBeInTheDocument();
    const first = screen.getByRole('rowheader', { name: 'Laptop' }).closest('tr');
    expect(first).toHaveClass('ds-row');
    expect(first).toHaveAttribute('data-credkit-part', 'row');
    expect(first).toHaveAttribute('data-state', 'active');
    expect(within(first as HTMLElement).getByRole('cell', { name: 'Clé d’accès' })).toHaveClass('ds-cell');
    const action = screen.getByRole('button', { name: 'Activate “Old key”' });
    expect(action).toHaveClass('ds-action');
    expect(action).toHaveAttribute('data-credkit-part', 'action');
    expect(action).toHaveAttribute('data-action', 'activate');
  });

  it('should refuse to render a part outside <CredentialList.Root>', () => {
    // React logs the error it rethrows: keep the test output clean.
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<CredentialList.Status />)).toThrow(/inside <CredentialList.Root>/);
    spy.mockRestore();
  });
});
