import { type FetcherRequest, withUserActionProtocol } from '@credkit/core';
import encodeQR from '@paulmillr/qr';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deferred, fakeFetcher, renderWithClient } from '../test/utils.tsx';
import { CredentialCode } from './CredentialCode.tsx';

// The real encoder, watched: the QR code must encode the link.
vi.mock('@paulmillr/qr', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@paulmillr/qr')>();
  return { ...actual, default: vi.fn(actual.default) };
});

const actionChallenge = {
  challenge: 'sign me',
  challengeIdentifier: 'uac-1',
  userVerification: 'required',
  allowCredentials: { webauthn: [{ type: 'public-key', id: 'AQID' }], key: [] },
};
const assertion = {
  kind: 'Fido2' as const,
  credentialAssertion: { credId: 'AQID', clientData: 'e30', authenticatorData: 'AA', signature: 'AA' },
};
const linkFor = (code: string) => `https://app.example/add-passkey?code=${encodeURIComponent(code)}`;
const qrName = 'QR code of the link to add a passkey';

/** A backend that makes codes one after the other, each expiring when it was asked to. */
function codeBackend(overrides: Parameters<typeof fakeFetcher>[0] = {}) {
  const codes = ['ABC-DEF-GHI', 'JKL-MNO-PQR'];
  return fakeFetcher({
    'POST /auth/action/init': () => actionChallenge,
    'POST /auth/action': () => ({ userAction: 'ua-token' }),
    'POST /auth/credentials/code': (request: FetcherRequest) => ({
      code: codes.shift(),
      expiration: (request.body as { expiration: string }).expiration,
    }),
    ...overrides,
  });
}

const codeRequests = (requests: FetcherRequest[]) => requests.filter((r) => r.path === '/auth/credentials/code');

afterEach(() => {
  vi.useRealTimers();
  vi.mocked(encodeQR).mockClear();
});

describe('CredentialCode', () => {
  it('should make the code with user-action signing, then show it with its time left and link', async () => {
    const user = userEvent.setup();
    const signing = deferred<void>();
    const { fetcher, requests } = codeBackend();
    const signer = withUserActionProtocol({
      sign: async () => {
        await signing.promise;
        return assertion;
      },
    });
    renderWithClient(<CredentialCode fetcher={fetcher} userActionSigner={signer} linkFor={linkFor} />);
    const root = screen.getByRole('status').closest('[data-credkit="credential-code"]');
    expect(root).toHaveAttribute('data-state', 'idle');
    await user.click(screen.getByRole('button', { name: 'Add a passkey on another device' }));

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Confirm with an existing passkey…'));
    expect(root).toHaveAttribute('data-state', 'signing');
    expect(root).toHaveAttribute('aria-busy', 'true');
    // Issue 28: busy, the button keeps focus (aria-disabled, not disabled) and makes no second code.
    const create = screen.getByRole('button', { name: 'Add a passkey on another device' });
    expect(create).toHaveFocus();
    expect(create).toBeEnabled();
    expect(create).toHaveAttribute('aria-disabled', 'true');
    await user.click(create);
    expect(create).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeInTheDocument();
    signing.resolve();

    const code = await screen.findByText('ABC-DEF-GHI');
    expect(root).toHaveAttribute('data-state', 'active');
    // A minute by default, counted from the request, before the signing prompt: a slow machine may show less.
    expect(screen.getByRole('status')).toHaveTextContent(
      /^Code ready\. Enter it on your other device, or scan the QR code with it\. It works once and expires in (1 minute|\d\d seconds)\.$/,
    );
    // The prompt closed: focus is on the code, where the outcome is.
    expect(code.closest('[data-credkit-part="code"]')).toHaveFocus();
    expect(screen.queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add a passkey on another device' })).not.toBeInTheDocument();

    const [post] = codeRequests(requests);
    expect(post?.headers).toEqual({ 'X-DFNS-USERACTION': 'ua-token' });
    const { expiration } = (post?.body ?? {}) as { expiration?: string };
    const timer = screen.getByRole('timer');
    expect(timer).toHaveTextContent(/^Expires in (1:00|0:\d\d)$/);
    expect(timer.querySelector('time')).toHaveAttribute('dateTime', expiration);
    expect(screen.getByRole('link', { name: linkFor('ABC-DEF-GHI') })).toHaveAttribute(
      'href',
      'https://app.example/add-passkey?code=ABC-DEF-GHI',
    );
  });

  it('should load the QR encoder only when the code is shown, and draw the link with it', async () => {
    const user = userEvent.setup();
    const { fetcher } = codeBackend();
    renderWithClient(<CredentialCode fetcher={fetcher} linkFor={linkFor} />);
    expect(encodeQR).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Add a passkey on another device' }));

    const qr = await screen.findByRole('img', { name: qrName });
    expect(qr.tagName.toLowerCase()).toBe('svg');
    expect(qr).toHaveAttribute('data-state', 'ready');
    expect(qr.querySelector('path')?.getAttribute('d')).toMatch(/^M\d+ \d+h\d+v1h-\d+z/);
    expect(encodeQR).toHaveBeenCalledWith(
      'https://app.example/add-passkey?code=ABC-DEF-GHI',
      'raw',
      expect.objectContaining({ ecc: 'medium' }),
    );
  });

  it('should count down each second without announcing it, then say the code expired and offer a new one', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-30T12:00:00.000Z'), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { fetcher, requests } = codeBackend();
    renderWithClient(<CredentialCode fetcher={fetcher} lifetimeMs={120_000} />);
    // (Dfns keeps codes a minute at most; the countdown follows whatever expiration the server gives.)
    fireEvent.click(screen.getByRole('button', { name: 'Add a passkey on another device' }));
    await act(() => vi.advanceTimersByTimeAsync(0));

    const status = screen.getByRole('status');
    const announced =
      'Code ready. Enter it on your other device, or scan the QR code with it. It works once and expires in 2 minutes.';
    expect(status).toHaveTextContent(announced);
    expect(screen.getByRole('timer')).toHaveTextContent('Expires in 2:00');
    expect(screen.getByRole('timer')).toHaveAttribute('aria-live', 'off');
    expect(screen.getByText('ABC-DEF-GHI').closest('[data-credkit-part="code"]')).toHaveFocus();

    await act(() => vi.advanceTimersByTimeAsync(1_000));
    expect(screen.getByRole('timer')).toHaveTextContent('Expires in 1:59');
    await act(() => vi.advanceTimersByTimeAsync(58_000));
    expect(screen.getByRole('timer')).toHaveTextContent('Expires in 1:01');
    // The live region said it once: the ticks are not announced.
    expect(status).toHaveTextContent(announced);

    await act(() => vi.advanceTimersByTimeAsync(61_000));
    const root = status.closest('[data-credkit="credential-code"]');
    expect(root).toHaveAttribute('data-state', 'expired');
    expect(status).toHaveTextContent('The code expired. Make a new one if you still need it.');
    expect(screen.queryByText('ABC-DEF-GHI')).not.toBeInTheDocument();
    expect(screen.queryByRole('timer')).not.toBeInTheDocument();
    const newCode = screen.getByRole('button', { name: 'New code' });
    // The code had focus and left with it: the button takes it.
    expect(newCode).toHaveFocus();

    fireEvent.click(newCode);
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(root).toHaveAttribute('data-state', 'active');
    expect(screen.getByText('JKL-MNO-PQR')).toBeInTheDocument();
    expect(screen.getByRole('timer')).toHaveTextContent('Expires in 2:00');
    expect(codeRequests(requests)).toHaveLength(2);
  });

  // Issue 28: the 60 s code expired with no warning (WCAG 2.2.1: warn, with at least 20 s to act).
  it('should announce once, 20 seconds before, that the code is about to expire', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-30T12:00:00.000Z'), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { fetcher } = codeBackend();
    renderWithClient(<CredentialCode fetcher={fetcher} lifetimeMs={60_000} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add a passkey on another device' }));
    await act(() => vi.advanceTimersByTimeAsync(0));
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('It works once and expires in 1 minute.');

    await act(() => vi.advanceTimersByTimeAsync(39_000));
    expect(screen.getByRole('timer')).toHaveTextContent('Expires in 0:21');
    expect(status).toHaveTextContent('It works once and expires in 1 minute.');
    await act(() => vi.advanceTimersByTimeAsync(1_000));
    const warning = 'The code expires in 20 seconds. If your other device is not done by then, make a new one.';
    expect(status).toHaveTextContent(warning);
    // One text from there on: the region does not speak on each tick.
    const changes: string[] = [];
    new MutationObserver(() => changes.push(status.textContent ?? '')).observe(status, {
      childList: true,
      characterData: true,
      subtree: true,
    });
    await act(() => vi.advanceTimersByTimeAsync(19_000));
    expect(screen.getByRole('timer')).toHaveTextContent('Expires in 0:01');
    expect(changes).toEqual([]);
    await act(() => vi.advanceTimersByTimeAsync(1_000));
    expect(status).toHaveTextContent('The code expired.');
  });

  it('should not warn about a code that lasted no longer than the warning', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-30T12:00:00.000Z'), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { fetcher } = codeBackend();
    renderWithClient(<CredentialCode fetcher={fetcher} lifetimeMs={15_000} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add a passkey on another device' }));
    await act(() => vi.advanceTimersByTimeAsync(0));
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('It works once and expires in 15 seconds.');
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(screen.getByRole('timer')).toHaveTextContent('Expires in 0:05');
    expect(status).toHaveTextContent('It works once and expires in 15 seconds.');
  });

  it('should leave focus where it is when the code expires while the person is elsewhere', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-30T12:00:00.000Z'), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { fetcher } = codeBackend();
    renderWithClient(
      <>
        <CredentialCode fetcher={fetcher} lifetimeMs={30_000} />
        <input aria-label="Elsewhere" />
      </>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Add a passkey on another device' }));
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(screen.getByRole('status')).toHaveTextContent('It works once and expires in 30 seconds.');
    expect(screen.getByRole('timer')).toHaveTextContent('Expires in 0:30');
    const elsewhere = screen.getByRole('textbox', { name: 'Elsewhere' });
    act(() => elsewhere.focus());
    await act(() => vi.advanceTimersByTimeAsync(30_000));
    expect(screen.getByRole('status')).toHaveTextContent('The code expired.');
    expect(screen.getByRole('button', { name: 'New code' })).not.toHaveFocus();
    expect(elsewhere).toHaveFocus();
  });

  it('should stop at Cancel while signing, and make no code', async () => {
    const user = userEvent.setup();
    const { fetcher, requests } = codeBackend();
    const signer = withUserActionProtocol({
      sign: (_challenge, signal) =>
        new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(signal.reason))),
    });
    renderWithClient(<CredentialCode fetcher={fetcher} userActionSigner={signer} linkFor={linkFor} />);
    await user.click(screen.getByRole('button', { name: 'Add a passkey on another device' }));
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveAttribute('data-code', 'cancelled');
    expect(alert).toHaveTextContent('Cancelled. No code was made.');
    expect(alert).toHaveFocus();
    expect(alert.closest('[data-credkit="credential-code"]')).toHaveAttribute('data-state', 'error');
    expect(screen.queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add a passkey on another device' })).toBeEnabled();
    expect(codeRequests(requests)).toHaveLength(0);
  });

  it("should show the server's refusal as an alert through messages.errors", async () => {
    const user = userEvent.setup();
    const onError = vi.fn();
    const { fetcher } = codeBackend({
      'POST /auth/credentials/code': () => {
        throw Object.assign(new Error('x'), {
          httpStatus: 403,
          context: { body: { error: { message: 'user action signature is missing or invalid' } } },
        });
      },
    });
    renderWithClient(
      <CredentialCode
        fetcher={fetcher}
        onError={onError}
        messages={{ errors: { forbidden: (error) => `Refused: ${error.serverMessage}` } }}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Add a passkey on another device' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Refused: user action signature is missing or invalid');
    expect(alert).toHaveAttribute('data-code', 'forbidden');
    expect(alert).toHaveFocus();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'forbidden', status: 403 }));
  });

  it('should make one code per click under StrictMode, double click included', async () => {
    const user = userEvent.setup();
    const { fetcher, requests } = codeBackend();
    renderWithClient(
      <StrictMode>
        <CredentialCode fetcher={fetcher} linkFor={linkFor} />
      </StrictMode>,
    );
    await user.dblClick(screen.getByRole('button', { name: 'Add a passkey on another device' }));
    expect(await screen.findByRole('img', { name: qrName })).toBeInTheDocument();
    expect(codeRequests(requests)).toHaveLength(1);
  });

  it('should show the code alone without linkFor', async () => {
    const user = userEvent.setup();
    const { fetcher } = codeBackend();
    renderWithClient(<CredentialCode fetcher={fetcher} />);
    await user.click(screen.getByRole('button', { name: 'Add a passkey on another device' }));
    expect(await screen.findByText('ABC-DEF-GHI')).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
    expect(encodeQR).not.toHaveBeenCalled();
  });

  it('should copy the code and say so', async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    const { fetcher } = codeBackend();
    renderWithClient(<CredentialCode fetcher={fetcher} />);
    await user.click(screen.getByRole('button', { name: 'Add a passkey on another device' }));
    await user.click(await screen.findByRole('button', { name: 'Copy code' }));
    expect(writeText).toHaveBeenCalledWith('ABC-DEF-GHI');
    expect(await screen.findByText('Copied to the clipboard.')).toHaveAttribute('aria-live', 'polite');
  });

  it('should take every text from messages, classes from classNames, and pass attributes through', async () => {
    const user = userEvent.setup();
    const { fetcher } = codeBackend();
    renderWithClient(
      <CredentialCode
        fetcher={fetcher}
        linkFor={linkFor}
        aria-label="Autre appareil"
        className="panel"
        classNames={{ create: 'primary', code: 'big' }}
        messages={{
          create: 'Ajouter une clé d’accès sur un autre appareil',
          codeLabel: 'Code :',
          qrLabel: 'QR code du lien',
          expiresIn: (left) => `Expire dans ${left}`,
        }}
      />,
    );
    const create = screen.getByRole('button', { name: 'Ajouter une clé d’accès sur un autre appareil' });
    expect(create).toHaveClass('primary');
    expect(create).toHaveAttribute('data-credkit-part', 'create');
    const root = create.closest('[data-credkit="credential-code"]');
    expect(root).toHaveAttribute('aria-label', 'Autre appareil');
    expect(root).toHaveClass('panel');
    await user.click(create);
    expect(await screen.findByRole('img', { name: 'QR code du lien' })).toHaveAttribute('data-credkit-part', 'qr');
    expect(screen.getByText('ABC-DEF-GHI').closest('p')).toHaveClass('big');
    expect(screen.getByText('ABC-DEF-GHI').closest('p')).toHaveTextContent('Code : ABC-DEF-GHI');
    expect(screen.getByRole('timer')).toHaveTextContent(/^Expire dans \d:\d\d$/);
  });
});
