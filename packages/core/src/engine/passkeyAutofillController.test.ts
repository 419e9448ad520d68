import { describe, expect, it, vi } from 'vitest';
import { toBase64url } from '../encoding/base64url.ts';
import type { CredkitError } from '../errors/credkitError.ts';
import type { Fetcher, FetcherRequest } from '../http/fetcher.ts';
import type { CredentialGetter } from '../webauthn/browserGet.ts';
import { toUserHandle } from '../webauthn/passkeySignals.ts';
import type { CeremonyEvent } from './ceremonyEvents.ts';
import { createPasskeyAutofillController, type PasskeyAutofillOptions } from './passkeyAutofillController.ts';
import { createPasskeyLoginController } from './passkeyLoginController.ts';

const WAIT = { timeout: 5_000, interval: 5 };

const bytes = (...values: number[]) => new Uint8Array(values).buffer;
const assertion = {
  rawId: bytes(1, 2, 3),
  response: { clientDataJSON: bytes(4), authenticatorData: bytes(5), signature: bytes(6), userHandle: bytes(7) },
} as unknown as Credential;

/** A login backend: each `/auth/login/init` a new challenge (usernameless: an empty allow list). */
function loginBackend(login: (request: FetcherRequest) => unknown = () => ({ token: 'token-of-ada' })) {
  const requests: FetcherRequest[] = [];
  const fetcher: Fetcher = async (request) => {
    requests.push(request);
    if (request.path === '/auth/login/init') {
      return {
        challenge: `challenge-${requests.length}`,
        challengeIdentifier: `ci-${requests.length}`,
        userVerification: 'required',
        allowCredentials: { webauthn: [], key: [] },
        supportedCredentialKinds: [{ kind: 'Fido2', factor: 'first', requiresSecondFactor: false }],
      };
    }
    if (request.path === '/auth/login') return login(request);
    throw new Error(`unexpected ${request.path}`);
  };
  return { fetcher, requests };
}

interface PendingGet {
  options: CredentialRequestOptions;
  resolve: (credential: Credential) => void;
  reject: (error: unknown) => void;
}

/**
 * A credentials container that behaves as Chromium's does: one request at a time (a second one while
 * the first is pending is refused, "A request is already pending."), and an aborted request rejects
 * at once with its signal's reason.
 */
function fakeBrowser() {
  let pending: PendingGet | undefined;
  const calls: PendingGet[] = [];
  const refusals: string[] = [];
  const credentials: CredentialGetter = {
    get: (options) =>
      new Promise<Credential | null>((resolve, reject) => {
        if (pending) {
          refusals.push('A request is already pending.');
          reject(new DOMException('A request is already pending.', 'NotAllowedError'));
          return;
        }
        const call: PendingGet = {
          options,
          resolve: (credential) => {
            pending = undefined;
            resolve(credential);
          },
          reject: (error) => {
            pending = undefined;
            reject(error);
          },
        };
        pending = call;
        calls.push(call);
        options.signal?.addEventListener('abort', () => call.reject(options.signal?.reason), { once: true });
      }),
  };
  return {
    credentials,
    calls,
    refusals,
    pending: () => pending,
    mediations: () => calls.map((call) => (call.options as { mediation?: string }).mediation),
  };
}

function autofill(options: Partial<PasskeyAutofillOptions> & Pick<PasskeyAutofillOptions, 'fetcher'>) {
  const onSignedIn = vi.fn();
  const onError = vi.fn<(error: CredkitError) => void>();
  const controller = createPasskeyAutofillController({
    orgId: 'or-1',
    isAvailable: async () => true,
    onSignedIn,
    onError,
    ...options,
  });
  return { controller, onSignedIn, onError };
}

describe('createPasskeyAutofillController', () => {
  it('should ask nothing of the server or the browser where autofill is not supported', async () => {
    const { fetcher, requests } = loginBackend();
    const browser = fakeBrowser();
    const { controller } = autofill({ fetcher, credentials: browser.credentials, isAvailable: async () => false });
    controller.mount();
    await vi.waitFor(() => expect(controller.getSnapshot().status).toBe('unsupported'), WAIT);
    expect(requests).toHaveLength(0);
    expect(browser.calls).toHaveLength(0);
  });

  it('should offer the passkeys usernameless with mediation conditional, and sign in with the one picked', async () => {
    const { fetcher, requests } = loginBackend();
    const browser = fakeBrowser();
    const { controller, onSignedIn, onError } = autofill({ fetcher, credentials: browser.credentials });
    controller.mount();
    await vi.waitFor(() => expect(browser.pending()).toBeDefined(), WAIT);
    expect(controller.getSnapshot().status).toBe('pending');
    expect(requests[0]).toMatchObject({ path: '/auth/login/init', body: { orgId: 'or-1' } });
    expect(requests[0]?.body).not.toHaveProperty('username');
    expect(browser.mediations()).toEqual(['conditional']);
    expect(browser.calls[0]?.options.publicKey?.allowCredentials).toEqual([]);

    browser.pending()?.resolve(assertion);
    await vi.waitFor(() => expect(controller.getSnapshot().status).toBe('success'), WAIT);
    expect(controller.getSnapshot().data).toEqual({ token: 'token-of-ada' });
    expect(onSignedIn).toHaveBeenCalledWith({ token: 'token-of-ada' });
    expect(onError).not.toHaveBeenCalled();
    expect(requests.map((request) => request.path)).toEqual(['/auth/login/init', '/auth/login']);
  });

  it('should give way to a button sign-in silently, with no "request already pending"', async () => {
    const { fetcher, requests } = loginBackend();
    const browser = fakeBrowser();
    const { controller, onSignedIn, onError } = autofill({ fetcher, credentials: browser.credentials });
    const button = createPasskeyLoginController({ fetcher, orgId: 'or-1', credentials: browser.credentials });
    const statuses: string[] = [];
    controller.subscribe(() => statuses.push(controller.getSnapshot().status));
    controller.mount();
    await vi.waitFor(() => expect(browser.pending()).toBeDefined(), WAIT);
    const autofillCall = browser.pending();

    button.start({ username: 'ada@example.com' });
    await vi.waitFor(() => expect(browser.calls).toHaveLength(2), WAIT);
    // The button's prompt replaced the autofill's request: aborted, and the autofill waits.
    expect(autofillCall?.options.signal?.aborted).toBe(true);
    await vi.waitFor(() => expect(controller.getSnapshot().status).toBe('paused'), WAIT);
    expect(browser.mediations()).toEqual(['conditional', undefined]);
    expect(browser.refusals).toEqual([]);
    expect(controller.getSnapshot().error).toBeNull();

    browser.pending()?.resolve(assertion);
    await vi.waitFor(() => expect(button.getSnapshot().phase).toBe('success'), WAIT);
    expect(onError).not.toHaveBeenCalled();
    expect(onSignedIn).not.toHaveBeenCalled();
    expect(statuses).not.toContain('error');
    expect(requests.filter((request) => request.path === '/auth/login')).toHaveLength(1);
  });

  it('should stay paused, fetching nothing more, once a button sign-in signed the person in', async () => {
    let answerLogin: (value: unknown) => void = () => {};
    const { fetcher, requests } = loginBackend(() => new Promise((resolve) => (answerLogin = resolve)));
    const browser = fakeBrowser();
    const { controller } = autofill({ fetcher, credentials: browser.credentials });
    const button = createPasskeyLoginController({ fetcher, orgId: 'or-1', credentials: browser.credentials });
    controller.mount();
    await vi.waitFor(() => expect(browser.pending()).toBeDefined(), WAIT);

    button.start({});
    await vi.waitFor(() => expect(browser.calls).toHaveLength(2), WAIT);
    browser.pending()?.resolve(assertion);
    // The prompt is free while the button's sign-in is still being submitted: the autofill waits for it.
    await vi.waitFor(() => expect(button.getSnapshot().phase).toBe('submitting'), WAIT);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(requests.filter((request) => request.path === '/auth/login/init')).toHaveLength(2);
    answerLogin({ token: 'token-of-ada' });
    await vi.waitFor(() => expect(button.getSnapshot().phase).toBe('success'), WAIT);

    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requests.filter((request) => request.path === '/auth/login/init')).toHaveLength(2);
    expect(browser.calls).toHaveLength(2);
    expect(controller.getSnapshot().status).toBe('paused');
  });

  it('should offer the passkeys again, with a new challenge, after a cancelled button sign-in', async () => {
    const { fetcher, requests } = loginBackend();
    const browser = fakeBrowser();
    const { controller, onError } = autofill({ fetcher, credentials: browser.credentials });
    const button = createPasskeyLoginController({ fetcher, orgId: 'or-1', credentials: browser.credentials });
    controller.mount();
    await vi.waitFor(() => expect(browser.pending()).toBeDefined(), WAIT);

    button.start({});
    await vi.waitFor(() => expect(browser.calls).toHaveLength(2), WAIT);
    // The person closes the button's sheet.
    browser
      .pending()
      ?.reject(new DOMException('The operation either timed out or was not allowed.', 'NotAllowedError'));
    await vi.waitFor(() => expect(button.getSnapshot().error?.code).toBe('cancelled'), WAIT);

    await vi.waitFor(() => expect(browser.calls).toHaveLength(3), WAIT);
    expect(browser.mediations()).toEqual(['conditional', undefined, 'conditional']);
    expect(controller.getSnapshot()).toMatchObject({ status: 'pending', error: null });
    const challenges = requests.filter((request) => request.path === '/auth/login/init');
    expect(challenges).toHaveLength(3);
    expect(browser.refusals).toEqual([]);
    expect(onError).not.toHaveBeenCalled();
  });

  it('should end the pending request silently when unmounted', async () => {
    const { fetcher } = loginBackend();
    const browser = fakeBrowser();
    const { controller, onError } = autofill({ fetcher, credentials: browser.credentials });
    const unmount = controller.mount();
    await vi.waitFor(() => expect(browser.pending()).toBeDefined(), WAIT);
    const call = browser.pending();
    unmount();
    expect(call?.options.signal?.aborted).toBe(true);
    expect(browser.pending()).toBeUndefined();
    expect(controller.getSnapshot().status).toBe('idle');
    // Nothing arrives late: no new request, no error.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(browser.calls).toHaveLength(1);
    expect(controller.getSnapshot().status).toBe('idle');
    expect(onError).not.toHaveBeenCalled();
  });

  it('should fetch nothing when unmounted before detection answered (StrictMode)', async () => {
    const { fetcher, requests } = loginBackend();
    const browser = fakeBrowser();
    const { controller } = autofill({ fetcher, credentials: browser.credentials });
    controller.mount()();
    controller.mount();
    await vi.waitFor(() => expect(browser.pending()).toBeDefined(), WAIT);
    expect(requests).toHaveLength(1);
    expect(browser.calls).toHaveLength(1);
  });

  it('should ask again with a new challenge when the request timed out', async () => {
    const { fetcher, requests } = loginBackend();
    const browser = fakeBrowser();
    const { controller, onError } = autofill({ fetcher, credentials: browser.credentials, timeout: 20 });
    controller.mount();
    await vi.waitFor(() => expect(browser.calls).toHaveLength(1), WAIT);
    await new Promise((resolve) => setTimeout(resolve, 30));
    browser.pending()?.reject(new DOMException('timed out', 'NotAllowedError'));
    await vi.waitFor(() => expect(browser.calls).toHaveLength(2), WAIT);
    expect(requests.filter((request) => request.path === '/auth/login/init')).toHaveLength(2);
    expect(controller.getSnapshot()).toMatchObject({ status: 'pending', error: null });
    expect(onError).not.toHaveBeenCalled();
  });

  it('should report a picked passkey the server refuses, offer the passkeys again, and stop after three', async () => {
    const { fetcher } = loginBackend(() => {
      throw Object.assign(new Error('Credential not found'), { status: 401 });
    });
    const browser = fakeBrowser();
    const { controller, onError } = autofill({ fetcher, credentials: browser.credentials });
    controller.mount();
    for (const attempt of [1, 2, 3]) {
      await vi.waitFor(() => expect(browser.calls).toHaveLength(attempt), WAIT);
      await vi.waitFor(() => expect(browser.pending()).toBeDefined(), WAIT);
      browser.pending()?.resolve(assertion);
      await vi.waitFor(() => expect(onError).toHaveBeenCalledTimes(attempt), WAIT);
    }
    await vi.waitFor(() => expect(controller.getSnapshot().status).toBe('error'), WAIT);
    expect(controller.getSnapshot().error?.phase).toBe('submitting');
    expect(browser.calls).toHaveLength(3);
  });

  it('should report an autofill sign-in to onEvent from the pick to its outcome, as conditional', async () => {
    let refuse = true;
    const { fetcher } = loginBackend(() => {
      if (refuse) throw Object.assign(new Error('Credential not found'), { status: 401 });
      return { token: 'token-of-ada' };
    });
    const browser = fakeBrowser();
    const events: CeremonyEvent[] = [];
    const { controller } = autofill({
      fetcher,
      credentials: browser.credentials,
      onEvent: (event) => events.push(event),
    });
    controller.mount();
    await vi.waitFor(() => expect(browser.pending()).toBeDefined(), WAIT);
    // Waiting in the suggestions is nothing the person did.
    expect(events).toEqual([]);

    browser.pending()?.resolve(assertion);
    await vi.waitFor(() => expect(events.map((event) => event.type)).toEqual(['started', 'failed']), WAIT);
    refuse = false;
    await vi.waitFor(() => expect(browser.calls).toHaveLength(2), WAIT);
    await vi.waitFor(() => expect(browser.pending()).toBeDefined(), WAIT);
    browser.pending()?.resolve(assertion);
    await vi.waitFor(() => expect(controller.getSnapshot().status).toBe('success'), WAIT);

    expect(events).toEqual([
      expect.objectContaining({
        type: 'started',
        kind: 'sign-in',
        credentialKind: 'Fido2',
        mediation: 'conditional',
        phase: 'submitting',
      }),
      expect.objectContaining({ type: 'failed', mediation: 'conditional', code: expect.any(String), status: 401 }),
      expect.objectContaining({ type: 'started', mediation: 'conditional', phase: 'submitting' }),
      expect.objectContaining({ type: 'succeeded', mediation: 'conditional' }),
    ]);
    expect(events.some((event) => event.type === 'prompt')).toBe(false);
  });

  it('should tell the passkey manager who signed in through the autofill (signalCurrentUserDetails)', async () => {
    const signalCurrentUserDetails = vi.fn(async (_options: unknown) => undefined);
    vi.stubGlobal('PublicKeyCredential', { signalCurrentUserDetails });
    try {
      // A Dfns-shaped token: the user under app_metadata, and the username claim.
      const claims = {
        'https://custom/app_metadata': { userId: 'us-ada' },
        'https://custom/username': 'ada@example.com',
      };
      const token = `e30.${toBase64url(new TextEncoder().encode(JSON.stringify(claims)))}.sig`;
      const { fetcher } = loginBackend(() => ({ token }));
      const browser = fakeBrowser();
      const { controller } = autofill({ fetcher, credentials: browser.credentials, rpId: 'localhost' });
      controller.mount();
      await vi.waitFor(() => expect(browser.pending()).toBeDefined(), WAIT);
      browser.pending()?.resolve(assertion);
      await vi.waitFor(() => expect(controller.getSnapshot().status).toBe('success'), WAIT);
      await vi.waitFor(() => expect(signalCurrentUserDetails).toHaveBeenCalledTimes(1), WAIT);
      expect(signalCurrentUserDetails).toHaveBeenCalledWith({
        rpId: 'localhost',
        userId: toUserHandle('us-ada'),
        name: 'ada@example.com',
        displayName: 'ada@example.com',
      });
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('should stop with the error when the challenge cannot be fetched', async () => {
    const browser = fakeBrowser();
    const fetcher: Fetcher = async () => {
      throw new TypeError('Failed to fetch');
    };
    const { controller, onError } = autofill({ fetcher, credentials: browser.credentials });
    controller.mount();
    await vi.waitFor(() => expect(controller.getSnapshot().status).toBe('error'), WAIT);
    expect(controller.getSnapshot().error?.phase).toBe('challenge');
    expect(onError).toHaveBeenCalledTimes(1);
    expect(browser.calls).toHaveLength(0);
  });
});
