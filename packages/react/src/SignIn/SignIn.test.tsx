import type { CeremonyEvent, FetcherRequest } from '@credkit/core';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deferred, fakeFetcher } from '../test/utils.tsx';
import { SignIn } from './SignIn.tsx';

const loginChallenge = (request: FetcherRequest) => ({
  challenge: 'login',
  challengeIdentifier: 'ci',
  userVerification: 'required',
  allowCredentials: {
    webauthn: (request.body as { username?: string }).username ? [{ id: 'AQID', type: 'public-key' }] : [],
    key: [],
  },
});

const bytes = (...values: number[]) => new Uint8Array(values).buffer;
const assertion = {
  id: 'AQID',
  rawId: bytes(1, 2, 3),
  type: 'public-key',
  response: { clientDataJSON: bytes(4), authenticatorData: bytes(5), signature: bytes(6), userHandle: bytes(7) },
} as unknown as Credential;

/**
 * A browser whose get() waits for the test (as a person would): `answer` settles the newest call.
 * An aborted call rejects with its signal's reason, as Chromium's does.
 */
function browser() {
  const calls: {
    options: CredentialRequestOptions;
    resolve: (value: Credential) => void;
    reject: (error: unknown) => void;
  }[] = [];
  const get = vi.fn(
    (options: CredentialRequestOptions) =>
      new Promise<Credential | null>((resolve, reject) => {
        calls.push({ options, resolve, reject });
        options.signal?.addEventListener('abort', () => reject(options.signal?.reason), { once: true });
      }),
  );
  const mediations = () => calls.map((call) => (call.options as { mediation?: string }).mediation);
  return { credentials: { get }, calls, mediations, newest: () => calls[calls.length - 1] };
}

const WAIT = { timeout: 5_000 };

/** A browser with WebAuthn (jsdom has none) that says whether it offers passkeys in the autofill. */
function browserWithAutofill(available: boolean) {
  vi.stubGlobal(
    'PublicKeyCredential',
    Object.assign(function PublicKeyCredential() {}, { isConditionalMediationAvailable: async () => available }),
  );
  vi.stubGlobal('navigator', { ...navigator, credentials: { create: vi.fn(), get: vi.fn() } });
}

describe('<SignIn>', () => {
  beforeEach(() => {
    // A browser that offers passkeys in the autofill (jsdom has no WebAuthn).
    browserWithAutofill(true);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('should offer the passkeys in the username field’s autofill, once under StrictMode, and sign in with the one picked', async () => {
    const { fetcher, requests } = fakeFetcher({
      'POST /auth/login/init': loginChallenge,
      'POST /auth/login': () => ({ token: 'token-of-ada' }),
    });
    const page = browser();
    const onSignedIn = vi.fn();
    const { container } = render(
      <StrictMode>
        <SignIn fetcher={fetcher} orgId="or-1" credentials={page.credentials} onSignedIn={onSignedIn} />
      </StrictMode>,
    );
    const field = screen.getByLabelText('Username (optional)');
    expect(field).toHaveAttribute('autocomplete', 'username webauthn');
    expect(field).not.toBeRequired();
    const form = container.querySelector('form');
    await waitFor(() => expect(form).toHaveAttribute('data-autofill', 'pending'), WAIT);
    await waitFor(() => expect(page.calls).toHaveLength(1), WAIT);
    expect(page.mediations()).toEqual(['conditional']);
    expect(requests.map((request) => request.body)).toEqual([{ orgId: 'or-1' }]);
    // The hint says the passkeys are in the suggestions, and the field points at it.
    expect(field).toHaveAccessibleDescription(
      'Pick a passkey from the suggestions, or leave it empty to pick any passkey of this site.',
    );

    act(() => page.newest()?.resolve(assertion));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith({ token: 'token-of-ada' }), WAIT);
    expect(form).toHaveAttribute('data-state', 'success');
    expect(screen.getByRole('status')).toHaveTextContent('Signed in.');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('should sign in with the button as the typed username, replacing the autofill silently', async () => {
    const login = deferred<unknown>();
    const { fetcher, requests } = fakeFetcher({
      'POST /auth/login/init': loginChallenge,
      'POST /auth/login': () => login.promise,
    });
    const page = browser();
    const onSignedIn = vi.fn();
    const onError = vi.fn();
    const { container } = render(
      <SignIn
        fetcher={fetcher}
        orgId="or-1"
        credentials={page.credentials}
        onSignedIn={onSignedIn}
        onError={onError}
      />,
    );
    await waitFor(() => expect(page.calls).toHaveLength(1), WAIT);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Username (optional)'), '  ada@example.com ');
    await user.click(screen.getByRole('button', { name: 'Sign in with a passkey' }));

    await waitFor(() => expect(page.calls).toHaveLength(2), WAIT);
    expect(page.calls[0]?.options.signal?.aborted).toBe(true);
    expect(page.mediations()).toEqual(['conditional', undefined]);
    expect(requests[1]?.body).toEqual({ orgId: 'or-1', username: 'ada@example.com' });
    expect(screen.getByRole('status')).toHaveTextContent('Confirm with your passkey in the browser’s prompt…');
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeInTheDocument();
    expect(container.querySelector('form')).toHaveAttribute('data-autofill', 'paused');

    act(() => page.newest()?.resolve(assertion));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Signing you in…'), WAIT);
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
    login.resolve({ token: 'token-of-ada' });
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith({ token: 'token-of-ada' }), WAIT);
    // Signed in by the button: the autofill asks nothing more.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requests.filter((request) => request.path === '/auth/login/init')).toHaveLength(2);
    expect(onError).not.toHaveBeenCalled();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('should show the button’s failure as an alert with focus, and offer the passkeys again', async () => {
    const { fetcher } = fakeFetcher({ 'POST /auth/login/init': loginChallenge });
    const page = browser();
    const onError = vi.fn();
    render(<SignIn fetcher={fetcher} orgId="or-1" credentials={page.credentials} onError={onError} />);
    await waitFor(() => expect(page.calls).toHaveLength(1), WAIT);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Sign in with a passkey' }));
    await waitFor(() => expect(page.calls).toHaveLength(2), WAIT);
    act(() =>
      page.newest()?.reject(new DOMException('The operation either timed out or was not allowed.', 'NotAllowedError')),
    );

    const alert = await screen.findByRole('alert', {}, WAIT);
    expect(alert).toHaveAttribute('data-code', 'cancelled');
    await waitFor(() => expect(alert).toHaveFocus(), WAIT);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'cancelled' }));
    // The autofill is back, with a new request.
    await waitFor(() => expect(page.mediations()).toEqual(['conditional', undefined, 'conditional']), WAIT);
  });

  it('should show no error when the autofill stops after requests dismissed at once (no passkey here)', async () => {
    const { fetcher, requests } = fakeFetcher({ 'POST /auth/login/init': loginChallenge });
    // A browser (Chromium's virtual authenticator without a passkey) that refuses each request at once.
    const get = vi.fn(async () => {
      throw new DOMException('The operation either timed out or was not allowed.', 'NotAllowedError');
    });
    const { container } = render(<SignIn fetcher={fetcher} orgId="or-1" credentials={{ get }} />);
    await waitFor(() => expect(container.querySelector('form')).toHaveAttribute('data-autofill', 'error'), WAIT);
    expect(get).toHaveBeenCalledTimes(3);
    expect(requests).toHaveLength(3);
    expect(container.querySelector('form')).toHaveAttribute('data-state', 'idle');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('should refuse a username that breaks the rule before any request, tied to the field', async () => {
    const { fetcher, requests } = fakeFetcher({ 'POST /auth/login/init': loginChallenge });
    render(<SignIn fetcher={fetcher} orgId="or-1" autofill={false} credentials={browser().credentials} />);
    const field = screen.getByLabelText('Username (optional)');
    const user = userEvent.setup();
    await user.type(field, 'a\u0000b');
    await user.click(screen.getByRole('button', { name: 'Sign in with a passkey' }));

    const alert = await screen.findByRole('alert', {}, WAIT);
    expect(alert).toHaveAttribute('data-code', 'invalid-input');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field.getAttribute('aria-describedby')?.split(' ')).toContain(alert.id);
    expect(requests).toHaveLength(0);
  });

  it('should not run the autofill when `autofill` is false, nor where the browser has none', async () => {
    const { fetcher, requests } = fakeFetcher({ 'POST /auth/login/init': loginChallenge });
    const page = browser();
    // This browser offers passkeys in the autofill (beforeEach): only `autofill={false}` keeps it off.
    const off = render(<SignIn fetcher={fetcher} orgId="or-1" autofill={false} credentials={page.credentials} />);
    // Time for the detection and a challenge, which an enabled autofill would have asked for by now.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(off.container.querySelector('form')).toHaveAttribute('data-autofill', 'idle');
    expect(requests).toHaveLength(0);
    expect(page.calls).toHaveLength(0);
    expect(screen.getByLabelText('Username (optional)')).toHaveAccessibleDescription(
      'Leave it empty to pick any passkey of this site.',
    );
    off.unmount();

    browserWithAutofill(false);
    const unsupported = render(<SignIn fetcher={fetcher} orgId="or-1" credentials={browser().credentials} />);
    await waitFor(
      () => expect(unsupported.container.querySelector('form')).toHaveAttribute('data-autofill', 'unsupported'),
      WAIT,
    );
    expect(requests).toHaveLength(0);
  });

  it('should report the ceremony events of the button’s sign-in, with nothing the person typed', async () => {
    const { fetcher } = fakeFetcher({
      'POST /auth/login/init': loginChallenge,
      'POST /auth/login': () => ({ token: 'token-of-ada' }),
    });
    const page = browser();
    const events: CeremonyEvent[] = [];
    render(
      <SignIn
        fetcher={fetcher}
        orgId="or-1"
        autofill={false}
        credentials={page.credentials}
        onEvent={(event) => events.push(event)}
      />,
    );
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Username (optional)'), 'ada@example.com');
    await user.click(screen.getByRole('button', { name: 'Sign in with a passkey' }));
    await waitFor(() => expect(page.calls).toHaveLength(1), WAIT);
    act(() => page.newest()?.resolve(assertion));
    await waitFor(() => expect(events.map((event) => event.type)).toEqual(['started', 'prompt', 'succeeded']), WAIT);
    expect(events.every((event) => event.kind === 'sign-in')).toBe(true);
    expect(JSON.stringify(events)).not.toContain('ada');
  });

  it('should let the host stop the submit, and take its classes and texts', async () => {
    const { fetcher, requests } = fakeFetcher({ 'POST /auth/login/init': loginChallenge });
    const onSubmit = vi.fn((event: { preventDefault: () => void }) => event.preventDefault());
    render(
      <SignIn
        fetcher={fetcher}
        orgId="or-1"
        autofill={false}
        credentials={browser().credentials}
        onSubmit={onSubmit}
        classNames={{ submit: 'btn', input: 'field' }}
        messages={{ submit: 'Se connecter', usernameLabel: 'Identifiant' }}
      />,
    );
    expect(screen.getByLabelText('Identifiant')).toHaveClass('field');
    const submit = screen.getByRole('button', { name: 'Se connecter' });
    expect(submit).toHaveClass('btn');
    await userEvent.setup().click(submit);
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(requests).toHaveLength(0);
  });
});
