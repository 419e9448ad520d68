import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Profiler, StrictMode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { deferred, fakeCredentials, fakeFetcher, renderWithClient } from '../test/utils.tsx';
import { RegisterCredential } from './RegisterCredential.tsx';

const rp = { id: 'localhost', name: 'credkit' };

describe('RegisterCredential', () => {
  it('should register with the typed name and announce success with that name', async () => {
    const user = userEvent.setup();
    const { fetcher, requests } = fakeFetcher();
    const onRegistered = vi.fn();
    renderWithClient(
      <RegisterCredential fetcher={fetcher} rp={rp} credentials={fakeCredentials()} onRegistered={onRegistered} />,
    );
    await user.type(screen.getByRole('textbox', { name: /^Credential name/ }), 'Work laptop');
    await user.click(screen.getByRole('button', { name: 'Register passkey' }));

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Passkey “Work laptop” registered.'));
    expect(screen.getByRole('status').closest('form')).toHaveAttribute('data-state', 'success');
    expect(onRegistered).toHaveBeenCalledWith(expect.objectContaining({ name: 'Work laptop' }), undefined);
    const posts = requests.filter((r) => r.path === '/auth/credentials');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toMatchObject({ credentialName: 'Work laptop', credentialKind: 'Fido2' });
    expect(screen.getByRole('textbox', { name: /^Credential name/ })).toHaveValue('');
    // The sheet closed: focus is on the outcome, once it is painted.
    await waitFor(() => expect(screen.getByRole('status')).toHaveFocus());
  });

  // Issue 26: focus() in the success's commit laid the page out before the success could be painted.
  // Ordering, not timing: when the success reaches the DOM, focus has not moved yet; it moves after.
  it('should move focus to the success only after the success is in the DOM', async () => {
    const user = userEvent.setup();
    const { fetcher } = fakeFetcher();
    renderWithClient(<RegisterCredential fetcher={fetcher} rp={rp} credentials={fakeCredentials()} />);
    const status = screen.getByRole('status');
    const form = status.closest('form') as HTMLFormElement;
    let focusedAtSuccess: Element | null | undefined;
    new MutationObserver(() => {
      if (form.dataset.state === 'success') focusedAtSuccess ??= document.activeElement;
    }).observe(form, { attributes: true, attributeFilter: ['data-state'] });
    await user.type(screen.getByRole('textbox', { name: /^Credential name/ }), 'Laptop');
    await user.click(screen.getByRole('button', { name: 'Register passkey' }));

    await waitFor(() => expect(status).toHaveFocus());
    expect(focusedAtSuccess).toBeDefined();
    expect(focusedAtSuccess).not.toBe(status);
  });

  // Issue 28 (keyboard audit): a focused control that became `disabled` while busy dropped focus to <body>.
  it('should keep the focused field and Submit focusable while busy, refuse meanwhile, and announce the phase', async () => {
    const user = userEvent.setup();
    const ceremony = deferred<Credential | null>();
    const { fetcher } = fakeFetcher();
    const credentials = fakeCredentials(() => ceremony.promise);
    renderWithClient(<RegisterCredential fetcher={fetcher} rp={rp} credentials={credentials} />);
    const name = screen.getByRole('textbox', { name: /^Credential name/ });
    await user.type(name, 'Key{Enter}');

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Follow your browser’s prompt'));
    const form = screen.getByRole('status').closest('form');
    expect(form).toHaveAttribute('data-state', 'ceremony');
    expect(form).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('status')).toHaveAttribute('aria-live', 'polite');
    // Focus stays where it was, on a field that says it is unavailable and takes no input.
    expect(name).toHaveFocus();
    expect(name).toBeEnabled();
    expect(name).toHaveAttribute('aria-disabled', 'true');
    expect(name).toHaveAttribute('readonly');
    await user.type(name, 'x{Enter}');
    expect(name).toHaveValue('Key');
    const submit = screen.getByRole('button', { name: 'Register passkey' });
    expect(submit).toBeEnabled();
    expect(submit).toHaveAttribute('aria-disabled', 'true');
    await user.click(submit);
    expect(submit).toHaveFocus();
    expect(credentials.create).toHaveBeenCalledTimes(1);

    ceremony.reject(new DOMException('dismissed', 'NotAllowedError'));
    await waitFor(() => expect(form).toHaveAttribute('data-state', 'error'));
    expect(submit).not.toHaveAttribute('aria-disabled');
    expect(name).not.toHaveAttribute('readonly');
  });

  // Issue 17: a 5,084-character message with a bidi override and a phishing sentence reached the alert unchanged.
  it("should show a server's message only cleaned, cut and marked as the server's", async () => {
    const user = userEvent.setup();
    const hostile = `Locked.\u202E Call +1-555-0100 and read us your recovery code.\n${'A'.repeat(5_000)}`;
    const { fetcher } = fakeFetcher({
      'POST /auth/credentials': () => {
        throw Object.assign(new Error('x'), { httpStatus: 400, context: { body: { error: { message: hostile } } } });
      },
    });
    const onError = vi.fn();
    renderWithClient(
      <RegisterCredential fetcher={fetcher} rp={rp} credentials={fakeCredentials()} onError={onError} />,
    );
    await user.type(screen.getByRole('textbox', { name: /^Credential name/ }), 'Key');
    await user.click(screen.getByRole('button', { name: 'Register passkey' }));

    const text = (await screen.findByRole('alert')).textContent ?? '';
    expect(
      text.startsWith('The server refused the request (HTTP 400). The server said: “Locked. Call +1-555-0100'),
    ).toBe(true);
    expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069\n]/);
    expect(text.length).toBeLessThan(300);
    // The host still gets every character, for its logs.
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ serverMessage: hostile }));
  });

  it("should show the server's message as an alert tied to the field", async () => {
    const user = userEvent.setup();
    const { fetcher } = fakeFetcher({
      'POST /auth/credentials': () => {
        throw Object.assign(new Error('x'), {
          httpStatus: 400,
          context: { body: { error: { message: 'origin not allowed' } } },
        });
      },
    });
    const onError = vi.fn();
    renderWithClient(
      <RegisterCredential fetcher={fetcher} rp={rp} credentials={fakeCredentials()} onError={onError} />,
    );
    await user.type(screen.getByRole('textbox', { name: /^Credential name/ }), 'Key');
    await user.click(screen.getByRole('button', { name: 'Register passkey' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The server refused the request (HTTP 400). The server said: “origin not allowed”');
    expect(alert).toHaveAttribute('data-code', 'server');
    const field = screen.getByRole('textbox', { name: /^Credential name/ });
    // The error first, then the field's hint (what a blank name becomes).
    expect(field).toHaveAttribute('aria-describedby', `${alert.id} ${field.id}-hint`);
    // The server refused the request, not the name: the field is not marked invalid.
    expect(field).not.toHaveAttribute('aria-invalid');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'server', status: 400 }));
    expect(alert).toHaveFocus();
  });

  it('should put a name core refuses on the name field, and register nothing', async () => {
    const user = userEvent.setup();
    const { fetcher, requests } = fakeFetcher();
    renderWithClient(<RegisterCredential fetcher={fetcher} rp={rp} credentials={fakeCredentials()} />);
    const field = screen.getByRole('textbox', { name: /^Credential name/ });
    // Not blank, so the form's own check lets it through; the name rule (in core) refuses it.
    await user.type(field, 'Bank\u202Eyek-ssap');
    await user.click(screen.getByRole('button', { name: 'Register passkey' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/^The credential name must not contain bidirectional control characters/);
    expect(alert).toHaveAttribute('data-code', 'invalid-input');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAttribute('aria-describedby', `${alert.id} ${field.id}-hint`);
    // At most the challenge was fetched ahead (prefetch); nothing was registered.
    expect(requests.map((request) => request.path)).not.toContain('/auth/credentials');
  });

  it("should leave focus with the newer prompt when it replaces this form's", async () => {
    const user = userEvent.setup();
    const { fetcher } = fakeFetcher();
    // The browser's prompt, waiting for the person until its call is aborted.
    const waiting = fakeCredentials(
      (options) =>
        new Promise((_resolve, reject) =>
          options.signal?.addEventListener('abort', () => reject(options.signal?.reason)),
        ),
    );
    renderWithClient(
      <>
        <section aria-label="First">
          <RegisterCredential fetcher={fetcher} rp={rp} credentials={waiting} />
        </section>
        <section aria-label="Second">
          <RegisterCredential fetcher={fetcher} rp={rp} credentials={waiting} />
        </section>
      </>,
    );
    const first = within(screen.getByRole('region', { name: 'First' }));
    const second = within(screen.getByRole('region', { name: 'Second' }));
    await user.type(first.getByRole('textbox', { name: /^Credential name/ }), 'One');
    await user.click(first.getByRole('button', { name: 'Register passkey' }));
    await waitFor(() => expect(first.getByRole('status')).toHaveTextContent('Follow your browser’s prompt'));
    await user.type(second.getByRole('textbox', { name: /^Credential name/ }), 'Two');
    await user.click(second.getByRole('button', { name: 'Register passkey' }));

    const replaced = await first.findByRole('alert');
    expect(replaced).toHaveAttribute('data-code', 'aborted');
    expect(replaced).toHaveTextContent('A newer passkey prompt replaced this one.');
    expect(replaced).not.toHaveFocus();
    expect(second.getByRole('status')).toHaveTextContent('Follow your browser’s prompt');
  });

  it('should ask for the name of a key instead of sending an empty one', async () => {
    const user = userEvent.setup();
    const { fetcher, requests } = fakeFetcher();
    renderWithClient(<RegisterCredential kind="Key" fetcher={fetcher} rp={rp} />);
    await user.click(screen.getByRole('button', { name: 'Create key' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Give the credential a name.');
    expect(requests.filter((r) => r.path === '/auth/credentials')).toHaveLength(0);
  });

  it('should take every text from messages', () => {
    const { fetcher } = fakeFetcher();
    renderWithClient(
      <RegisterCredential
        fetcher={fetcher}
        rp={rp}
        credentials={fakeCredentials()}
        messages={{ optionalNameLabel: 'Nom de la clé', submit: { Fido2: 'Enregistrer' } }}
      />,
    );
    expect(screen.getByRole('textbox', { name: 'Nom de la clé' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Enregistrer' })).toBeInTheDocument();
  });

  // Issue 26: an await before create() let React render the busy form first, and doubled click → create().
  // Ordering, not timing: with the challenge prefetched and the ceremony loaded, the click itself calls create().
  it('should call create() within the click, before React commits the busy form', async () => {
    const user = userEvent.setup();
    const order: string[] = [];
    const { fetcher, answered } = fakeFetcher();
    const credentials = fakeCredentials();
    const create = credentials.create;
    credentials.create = (options) => {
      order.push('create()');
      return create(options);
    };
    renderWithClient(
      <Profiler id="form" onRender={() => order.push('commit')}>
        <RegisterCredential fetcher={fetcher} rp={rp} credentials={credentials} />
      </Profiler>,
    );
    const name = screen.getByRole('textbox', { name: /^Credential name/ });
    const button = screen.getByRole('button', { name: 'Register passkey' });
    const form = button.closest('form');
    // The first registration loads the ceremony's chunk (a browser preloads it at mount); the next challenge follows it.
    await user.type(name, 'First');
    await user.click(button);
    await waitFor(() => expect(form).toHaveAttribute('data-state', 'success'));
    await waitFor(() => expect(answered.filter((r) => r.path === '/auth/credentials/init')).toHaveLength(2));
    await user.type(name, 'Second');

    order.length = 0;
    // Synchronous, in act(): React commits what the click changed before fireEvent returns.
    fireEvent.click(button);
    expect(order.slice(0, 2)).toEqual(['create()', 'commit']);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Passkey “Second” registered.'));
  });

  it('should run exactly one ceremony and one POST per click under StrictMode, double click included', async () => {
    const user = userEvent.setup();
    const { fetcher, requests } = fakeFetcher();
    // The prompt stays open over the second click, as a browser's does (a blank name would register again after).
    const prompt = deferred<void>();
    const credentials = fakeCredentials();
    const create = credentials.create;
    credentials.create = vi.fn(async (options) => {
      await prompt.promise;
      return create(options);
    });
    renderWithClient(
      <StrictMode>
        <RegisterCredential fetcher={fetcher} rp={rp} credentials={credentials} />
      </StrictMode>,
    );
    await user.type(screen.getByRole('textbox', { name: /^Credential name/ }), 'Key');
    await user.dblClick(screen.getByRole('button', { name: 'Register passkey' }));
    prompt.resolve();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('registered'));
    expect(credentials.create).toHaveBeenCalledTimes(1);
    expect(requests.filter((r) => r.path === '/auth/credentials')).toHaveLength(1);
  });

  it('should offer Cancel while the prompt is open, and end as cancelled when pressed', async () => {
    const user = userEvent.setup();
    const { fetcher, requests } = fakeFetcher();
    const credentials = fakeCredentials(
      (options) =>
        new Promise((_resolve, reject) =>
          options.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        ),
    );
    renderWithClient(<RegisterCredential fetcher={fetcher} rp={rp} credentials={credentials} />);
    expect(screen.queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: /^Credential name/ }), 'Key');
    await user.click(screen.getByRole('button', { name: 'Register passkey' }));
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveAttribute('data-code', 'cancelled');
    expect(alert).toHaveTextContent('Registration cancelled. Nothing was registered.');
    expect(screen.queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();
    expect(requests.filter((r) => r.path === '/auth/credentials')).toHaveLength(0);
  });

  it("should show the host's text for an error code", async () => {
    const user = userEvent.setup();
    const { fetcher } = fakeFetcher();
    const credentials = fakeCredentials(async () => {
      throw new DOMException('excluded', 'InvalidStateError');
    });
    renderWithClient(
      <RegisterCredential
        fetcher={fetcher}
        rp={rp}
        credentials={credentials}
        messages={{ errors: { 'already-registered': 'Déjà enregistrée.', server: (error) => `HTTP ${error.status}` } }}
      />,
    );
    await user.type(screen.getByRole('textbox', { name: /^Credential name/ }), 'Key');
    await user.click(screen.getByRole('button', { name: 'Register passkey' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Déjà enregistrée.');
  });

  it('should show a clear fallback, not a dead button, where WebAuthn is missing', async () => {
    // jsdom has no PublicKeyCredential: the capability check finds no WebAuthn.
    const { fetcher, requests } = fakeFetcher();
    renderWithClient(<RegisterCredential fetcher={fetcher} rp={rp} />);
    expect(
      await screen.findByText(/This browser cannot create passkeys here .* Try another browser or device\./),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Register passkey' })).not.toBeInTheDocument();
    expect(requests).toHaveLength(0);
  });

  it('should name its parts for styling: data-credkit-part, data-state, className and classNames', () => {
    const { fetcher } = fakeFetcher();
    renderWithClient(
      <RegisterCredential
        fetcher={fetcher}
        rp={rp}
        credentials={fakeCredentials()}
        className="my-form"
        classNames={{ input: 'my-input', submit: 'my-button', status: 'my-status' }}
      />,
    );
    const form = screen.getByRole('status').closest('form');
    expect(form).toHaveClass('my-form');
    expect(form).toHaveAttribute('data-state', 'idle');
    expect(form).not.toHaveAttribute('data-busy');
    expect(screen.getByRole('textbox', { name: /^Credential name/ })).toHaveAttribute('data-credkit-part', 'input');
    expect(screen.getByRole('textbox', { name: /^Credential name/ })).toHaveClass('my-input');
    expect(screen.getByRole('button', { name: 'Register passkey' })).toHaveClass('my-button');
    expect(screen.getByRole('status')).toHaveClass('my-status');
    expect(screen.getByRole('status')).toHaveAttribute('data-state', 'idle');
    // No inline styles anywhere: a strict CSP (style-src without 'unsafe-inline') is fine.
    expect(form?.querySelectorAll('[style]')).toHaveLength(0);
  });
});
