import { createFetcher, type FetcherRequest } from '@credkit/core';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { credentialsBackend, fakeSigner, laptop, oldKey, phone, recovery, refusal } from '../test/credentialList.ts';
import { deferred, renderWithClient } from '../test/utils.tsx';
import { CredentialList } from './CredentialList.tsx';
import { englishCredentialListMessages } from './credentialListMessages.ts';

const formatDate = (date: Date) => date.toISOString().slice(0, 10);

/** The `<tr>` of the credential named `name`. */
function row(name: string): HTMLElement {
  const header = screen.getByRole('rowheader', { name });
  const tr = header.closest('tr');
  if (!tr) throw new Error(`no row for ${name}`);
  return tr;
}

/** How describeError shows a server's refusal: credkit's words, then the server's, marked as such. */
const refused = (status: number, message: string) =>
  `The server refused the request (HTTP ${status}). The server said: “${message}”`;

describe('<CredentialList>', () => {
  it('should show each credential in a table: name, kind, created, origin and status', async () => {
    const { fetcher } = credentialsBackend([laptop, phone, recovery, oldKey]);
    const { container } = renderWithClient(<CredentialList fetcher={fetcher} messages={{ formatDate }} />);

    const table = await screen.findByRole('table', { name: 'Your credentials' });
    expect(container.firstElementChild).toHaveAttribute('data-state', 'ready');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['Name', 'Kind', 'Created', 'Origin', 'Status', 'Actions']);
    expect(within(table).getAllByRole('row')).toHaveLength(5);
    const cells = within(row('Laptop')).getAllByRole('cell');
    expect(cells.map((cell) => cell.textContent)).toEqual([
      'Passkey',
      '2026-03-01',
      'http://localhost:5173',
      'Active',
      'Deactivate',
    ]);
    expect(within(row('Laptop')).getByText('2026-03-01')).toHaveAttribute('datetime', '2026-03-01T09:30:00.000Z');
    expect(within(row('Phone')).getByRole('cell', { name: 'https://app.example.com' })).toBeInTheDocument();
    expect(within(row('Safe')).getByRole('cell', { name: 'Recovery key' })).toBeInTheDocument();
    expect(within(row('Old key')).getByRole('cell', { name: 'Key' })).toBeInTheDocument();
    expect(within(row('Old key')).getByRole('cell', { name: 'Deactivated' })).toBeInTheDocument();
    expect(row('Old key')).toHaveAttribute('data-state', 'deactivated');
    expect(within(row('Old key')).getByRole('button', { name: 'Activate “Old key”' })).toHaveTextContent('Activate');
  });

  it('should show the date in the locale by default, and the ISO date as dateTime', async () => {
    const { fetcher } = credentialsBackend([laptop]);
    renderWithClient(<CredentialList fetcher={fetcher} />);
    const time = within(await screen.findByRole('table')).getByText(
      new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date(laptop.dateCreated)),
    );
    expect(time.tagName).toBe('TIME');
    expect(time).toHaveAttribute('datetime', laptop.dateCreated);
  });

  it('should deactivate through the signer, one change at a time, then refresh the list and keep focus on the row', async () => {
    const user = userEvent.setup();
    const confirm = deferred<void>();
    const backend = credentialsBackend([laptop, phone, oldKey], {
      'PUT /auth/credentials/deactivate': async (request: FetcherRequest): Promise<unknown> => {
        await confirm.promise;
        return backend.setActive(false)(request);
      },
    });
    const onActiveChange = vi.fn();
    renderWithClient(
      <CredentialList fetcher={backend.fetcher} userActionSigner={fakeSigner} onActiveChange={onActiveChange} />,
    );
    await user.click(await screen.findByRole('button', { name: 'Deactivate “Laptop”' }));

    const status = screen.getByRole('status');
    await waitFor(() => expect(backend.puts()).toHaveLength(1));
    expect(status).toHaveTextContent('Deactivating “Laptop”… confirm with your passkey');
    expect(row('Laptop')).toHaveAttribute('aria-busy', 'true');
    expect(row('Phone')).toHaveAttribute('aria-busy', 'false');
    const running = screen.getByRole('button', { name: 'Deactivate “Laptop”' });
    expect(running).toBeEnabled();
    expect(running).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('button', { name: 'Deactivate “Phone”' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Activate “Old key”' })).toBeDisabled();
    // A second click on the running button sends nothing more.
    await user.click(running);
    // The passkey prompt takes focus away; the list must bring it back.
    act(() => running.blur());
    expect(document.body).toHaveFocus();
    confirm.resolve();

    await waitFor(() => expect(status).toHaveTextContent('“Laptop” deactivated.'));
    const [put] = backend.puts();
    expect(backend.puts()).toHaveLength(1);
    expect(put?.path).toBe('/auth/credentials/deactivate');
    expect(put?.body).toEqual({ credentialUuid: 'cr-laptop' });
    expect(put?.headers).toEqual({ 'X-DFNS-USERACTION': 'ua-token' });
    const init = backend.requests.find((request) => request.path === '/auth/action/init');
    expect(init?.body).toMatchObject({ userActionHttpMethod: 'PUT', userActionPayload: put?.bodyText });
    expect(backend.lists()).toBe(2);
    expect(within(row('Laptop')).getByRole('cell', { name: 'Deactivated' })).toBeInTheDocument();
    const swapped = screen.getByRole('button', { name: 'Activate “Laptop”' });
    expect(swapped).toBe(running);
    await waitFor(() => expect(swapped).toHaveFocus());
    expect(screen.getByRole('button', { name: 'Activate “Old key”' })).toBeEnabled();
    // Phone is now the last active credential that can sign.
    expect(screen.getByRole('button', { name: 'Deactivate “Phone”' })).toHaveAccessibleDescription(
      englishCredentialListMessages.lastSigner,
    );
    expect(onActiveChange).toHaveBeenCalledWith(expect.objectContaining({ credentialUuid: 'cr-laptop' }), false);
  });

  it('should activate without a signer, unsigned, and say so without asking to confirm', async () => {
    const user = userEvent.setup();
    const confirm = deferred<void>();
    const backend = credentialsBackend([laptop, oldKey], {
      'PUT /auth/credentials/activate': async (request: FetcherRequest): Promise<unknown> => {
        await confirm.promise;
        return backend.setActive(true)(request);
      },
    });
    renderWithClient(<CredentialList fetcher={backend.fetcher} />);
    await user.click(await screen.findByRole('button', { name: 'Activate “Old key”' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^Activating “Old key”…$/));
    confirm.resolve();

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('“Old key” activated.'));
    expect(backend.puts()[0]).toMatchObject({ path: '/auth/credentials/activate', body: { credentialUuid: 'cr-old' } });
    expect(backend.puts()[0]?.headers).toBeUndefined();
    expect(backend.requests.some((request) => request.path.startsWith('/auth/action'))).toBe(false);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Deactivate “Old key”' })).toHaveFocus());
  });

  it('should leave focus where the person moved it during the change', async () => {
    const user = userEvent.setup();
    const confirm = deferred<void>();
    const backend = credentialsBackend([laptop, phone], {
      'PUT /auth/credentials/deactivate': async (request: FetcherRequest): Promise<unknown> => {
        await confirm.promise;
        return backend.setActive(false)(request);
      },
    });
    renderWithClient(
      <>
        <CredentialList fetcher={backend.fetcher} />
        <input aria-label="Search" />
      </>,
    );
    await user.click(await screen.findByRole('button', { name: 'Deactivate “Phone”' }));
    await user.click(screen.getByRole('textbox', { name: 'Search' }));
    confirm.resolve();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('“Phone” deactivated.'));
    expect(screen.getByRole('textbox', { name: 'Search' })).toHaveFocus();
  });

  it("should show a refused change in an alert with the server's message, and keep focus on the row's button", async () => {
    const user = userEvent.setup();
    const message =
      'credential cr-phone is the last active credential that can sign: deactivating it would lock this user out. Add or activate another first';
    const backend = credentialsBackend([laptop, phone], {
      'PUT /auth/credentials/deactivate': () => {
        throw refusal(400, message);
      },
    });
    const onError = vi.fn();
    renderWithClient(<CredentialList fetcher={backend.fetcher} userActionSigner={fakeSigner} onError={onError} />);
    const button = await screen.findByRole('button', { name: 'Deactivate “Phone”' });
    await user.click(button);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(`“Phone” was not deactivated: ${refused(400, message)}`);
    expect(alert).toHaveAttribute('data-code', 'server');
    expect(button).toHaveAccessibleDescription(`“Phone” was not deactivated: ${refused(400, message)}`);
    await waitFor(() => expect(button).toBeEnabled());
    expect(button).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent('');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'server', status: 400 }));
    // The list is refreshed anyway, to show what the server holds.
    expect(backend.lists()).toBe(2);
    expect(within(row('Phone')).getByRole('cell', { name: 'Active' })).toBeInTheDocument();
  });

  it("should show the mock's lockout refusal, answered over HTTP, through createFetcher", async () => {
    const user = userEvent.setup();
    const message =
      'credential cr-phone is the last active credential that can sign: deactivating it would lock this user out. Add or activate another first';
    // The answers of packages/mock-backend for a list whose other passkey was deactivated elsewhere.
    const fetch = vi.fn(async (_url: string | URL | Request, init?: RequestInit) => {
      if (init?.method === 'PUT') {
        return new Response(JSON.stringify({ error: { message } }), {
          status: 400,
          headers: { 'Content-Type': 'application/json' },
        });
      }
      return Response.json({ items: [laptop, phone] });
    });
    const fetcher = createFetcher({ baseUrl: 'http://mock', fetch: fetch as typeof globalThis.fetch });
    renderWithClient(<CredentialList fetcher={fetcher} />);
    await user.click(await screen.findByRole('button', { name: 'Deactivate “Phone”' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(`“Phone” was not deactivated: ${refused(400, message)}`);
    expect(String(fetch.mock.calls.find(([, init]) => init?.method === 'PUT')?.[0])).toBe(
      'http://mock/auth/credentials/deactivate',
    );
  });

  it('should put messages.errors in the alert, by code', async () => {
    const user = userEvent.setup();
    const backend = credentialsBackend([laptop, phone], {
      'PUT /auth/credentials/deactivate': () => {
        throw refusal(403, 'user action signature is missing or invalid');
      },
    });
    renderWithClient(
      <CredentialList
        fetcher={backend.fetcher}
        messages={{ errors: { forbidden: 'Confirm with a passkey of this account.' } }}
      />,
    );
    await user.click(await screen.findByRole('button', { name: 'Deactivate “Laptop”' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '“Laptop” was not deactivated: Confirm with a passkey of this account.',
    );
  });

  // Issue 28: a disabled Deactivate left the tab order, and its reason with it.
  it('should refuse Deactivate on the last active credential that can sign, keep it reachable, and say why', async () => {
    const user = userEvent.setup();
    const backend = credentialsBackend([laptop, recovery, oldKey]);
    renderWithClient(<CredentialList fetcher={backend.fetcher} />);

    const guarded = await screen.findByRole('button', { name: 'Deactivate “Laptop”' });
    expect(guarded).toBeEnabled();
    expect(guarded).toHaveAttribute('aria-disabled', 'true');
    await user.tab();
    expect(guarded).toHaveFocus();
    expect(guarded).toHaveAccessibleDescription(englishCredentialListMessages.lastSigner);
    expect(within(row('Laptop')).getByText(englishCredentialListMessages.lastSigner)).toHaveAttribute(
      'data-credkit-part',
      'lockout',
    );
    // A recovery key cannot sign: it does not count, and may go.
    expect(screen.getByRole('button', { name: 'Deactivate “Safe”' })).toBeEnabled();
    await user.click(guarded);
    expect(backend.puts()).toHaveLength(0);

    // Once another credential that can sign is active, the guard lifts.
    await user.click(screen.getByRole('button', { name: 'Activate “Old key”' }));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Deactivate “Laptop”' })).not.toHaveAttribute('aria-disabled'),
    );
    expect(screen.getByRole('button', { name: 'Deactivate “Laptop”' })).not.toHaveAccessibleDescription();
    expect(screen.queryByText(englishCredentialListMessages.lastSigner)).not.toBeInTheDocument();
  });

  it('should say it is loading, then show the table', async () => {
    const listed = deferred<unknown>();
    const { fetcher } = credentialsBackend([], { 'GET /auth/credentials': () => listed.promise });
    const { container } = renderWithClient(<CredentialList fetcher={fetcher} />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading your credentials…');
    expect(container.firstElementChild).toHaveAttribute('data-state', 'loading');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();

    listed.resolve({ items: [laptop] });
    expect(await screen.findByRole('table')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('');
  });

  it('should say when there is no credential yet', async () => {
    const { fetcher } = credentialsBackend([]);
    const { container } = renderWithClient(<CredentialList fetcher={fetcher} />);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('No credentials yet.'));
    expect(container.firstElementChild).toHaveAttribute('data-state', 'empty');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('should show a list that failed to load in an alert with Retry, then the list, focused', async () => {
    const user = userEvent.setup();
    let fail = true;
    const backend = credentialsBackend([laptop, phone]);
    const { fetcher } = credentialsBackend([laptop, phone], {
      'GET /auth/credentials': (request) => {
        if (fail) throw refusal(401, 'Not Authorized.');
        return backend.fetcher(request);
      },
    });
    const { container } = renderWithClient(<CredentialList fetcher={fetcher} />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(`Your credentials could not be loaded: ${refused(401, 'Not Authorized.')}`);
    expect(container.firstElementChild).toHaveAttribute('data-state', 'error');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();

    fail = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    const table = await screen.findByRole('table', { name: 'Your credentials' });
    await waitFor(() => expect(table).toHaveFocus());
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
