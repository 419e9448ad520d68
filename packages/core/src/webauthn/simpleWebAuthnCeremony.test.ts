import { startAuthentication } from '@simplewebauthn/browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { credkitRejection, fido2ChallengeFixture, softwareCredentials } from '../testFixtures.ts';
import { createPasskey } from './createPasskey.ts';
import {
  fromAuthenticationResponse,
  fromRegistrationResponse,
  simpleWebAuthnCeremony,
} from './simpleWebAuthnCeremony.ts';

const rp = { id: 'localhost', name: 'credkit' };
const challenge = fido2ChallengeFixture({ excludeCredentials: [] });
const timeout = 10_000;

/** A browser for SimpleWebAuthn: `PublicKeyCredential` and `navigator.credentials`, with the given calls. */
function stubBrowser(credentials: { create?: CredentialsContainer['create']; get?: CredentialsContainer['get'] }) {
  vi.stubGlobal('PublicKeyCredential', function PublicKeyCredential() {});
  vi.stubGlobal('window', { isSecureContext: true, PublicKeyCredential: globalThis.PublicKeyCredential });
  vi.stubGlobal('navigator', { credentials });
  vi.stubGlobal('location', { hostname: 'localhost' });
}

/** A browser call that waits for the person: it ends only when its signal aborts. Records the signals. */
function waitingCall() {
  const signals: AbortSignal[] = [];
  const call = (options?: { signal?: AbortSignal | null }) => {
    const signal = options?.signal as AbortSignal;
    signals.push(signal);
    return new Promise<never>((_resolve, reject) =>
      signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
    );
  };
  return { call, signals };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fromRegistrationResponse / fromAuthenticationResponse', () => {
  it('should map the members Dfns reads, and refuse a member that is missing or not base64url', () => {
    const registration = {
      id: 'AQID',
      rawId: 'AQID',
      type: 'public-key',
      response: { clientDataJSON: 'eyJ9', attestationObject: 'o2Nm' },
      clientExtensionResults: {},
    } as const;
    expect(fromRegistrationResponse(registration)).toEqual({
      credId: 'AQID',
      clientData: 'eyJ9',
      attestationData: 'o2Nm',
    });
    const broken = { ...registration, response: { ...registration.response, attestationObject: 'o2Nm==' } };
    expect(() => fromRegistrationResponse(broken)).toThrow(
      expect.objectContaining({ code: 'invalid-input', message: expect.stringContaining('attestationData') }),
    );

    const authentication = {
      id: 'AQID',
      rawId: 'AQID',
      type: 'public-key',
      response: { clientDataJSON: 'eyJ9', authenticatorData: 'SZYN', signature: 'MEUC', userHandle: 'dXM' },
      clientExtensionResults: {},
    } as const;
    expect(fromAuthenticationResponse(authentication)).toEqual({
      credId: 'AQID',
      clientData: 'eyJ9',
      authenticatorData: 'SZYN',
      signature: 'MEUC',
      userHandle: 'dXM',
    });
    const { userHandle, ...withoutHandle } = authentication.response;
    expect(fromAuthenticationResponse({ ...authentication, response: withoutHandle })).not.toHaveProperty('userHandle');
    expect(() =>
      fromAuthenticationResponse({ ...authentication, response: { ...withoutHandle, signature: '' } }),
    ).toThrow(expect.objectContaining({ code: 'invalid-input' }));
  });
});

describe('simpleWebAuthnCeremony', () => {
  it('should create through startRegistration with the Dfns byte rules and give the Dfns credentialInfo', async () => {
    const software = softwareCredentials('http://localhost');
    const create = vi.fn(async (options?: CredentialCreationOptions) => {
      const credential = (await software.create(options as CredentialCreationOptions)) as Credential & object;
      // SimpleWebAuthn reads these, as browsers have them.
      return Object.assign(credential, { getClientExtensionResults: () => ({}), authenticatorAttachment: null });
    });
    stubBrowser({ create });

    const info = await createPasskey(challenge, {
      ceremony: simpleWebAuthnCeremony,
      rp,
      timeout,
      mediation: 'conditional',
    });

    const [options] = create.mock.calls[0] ?? [];
    expect(options).toMatchObject({ mediation: 'conditional' });
    // The challenge bytes are the UTF-8 bytes of the Dfns string.
    expect(new TextDecoder().decode(options?.publicKey?.challenge as ArrayBuffer)).toBe(challenge.challenge);
    expect(info).toEqual({
      credId: expect.stringMatching(/^[\w-]+$/),
      clientData: expect.stringMatching(/^[\w-]+$/),
      attestationData: expect.stringMatching(/^[\w-]+$/),
    });
  });

  it('should sign through startAuthentication and keep where the passkey was (authenticatorAttachment)', async () => {
    const buffer = (...values: number[]) => new Uint8Array(values).buffer;
    stubBrowser({
      get: async () =>
        ({
          id: 'AQID',
          rawId: buffer(1, 2, 3),
          type: 'public-key',
          authenticatorAttachment: 'cross-platform',
          response: { clientDataJSON: buffer(4), authenticatorData: buffer(5), signature: buffer(6), userHandle: null },
          getClientExtensionResults: () => ({}),
        }) as unknown as Credential,
    });
    const signal = new AbortController().signal;
    const assertion = await simpleWebAuthnCeremony.get({ optionsJSON: { challenge: 'AQID' }, signal });
    expect(assertion).toEqual({
      credId: 'AQID',
      clientData: 'BA',
      authenticatorData: 'BQ',
      signature: 'Bg',
      authenticatorAttachment: 'cross-platform',
    });
  });

  it.each([
    ['InvalidStateError', 'already-registered'],
    ['NotAllowedError', 'cancelled'],
    ['OperationError', 'busy'],
    ['SecurityError', 'security'],
    ['ConstraintError', 'constraint'],
    ['UnknownError', 'unknown'],
  ])('should report a %s from create() as %s', async (name, code) => {
    stubBrowser({ create: () => Promise.reject(new DOMException('refused', name)) });
    const error = await credkitRejection(createPasskey(challenge, { ceremony: simpleWebAuthnCeremony, rp, timeout }));
    expect([error.code, error.phase]).toEqual([code, 'ceremony']);
  });

  it('should report unsupported where the browser has no WebAuthn', async () => {
    const error = await credkitRejection(createPasskey(challenge, { ceremony: simpleWebAuthnCeremony, rp, timeout }));
    expect([error.code, error.phase]).toEqual(['unsupported', 'ceremony']);
  });

  describe('aborting', () => {
    beforeEach(() => {
      vi.useFakeTimers();
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    it('should end its own call when cancelled, and at the watchdog', async () => {
      const { call, signals } = waitingCall();
      stubBrowser({ create: call });

      const cancel = new AbortController();
      const cancelled = credkitRejection(
        createPasskey(challenge, { ceremony: simpleWebAuthnCeremony, rp, timeout, signal: cancel.signal }),
      );
      cancel.abort();
      expect((await cancelled).code).toBe('aborted');
      expect(signals[0]?.aborted).toBe(true);

      const abandoned = credkitRejection(
        createPasskey(challenge, { ceremony: simpleWebAuthnCeremony, rp, timeout, watchdogGraceMs: 1_000 }),
      );
      await vi.advanceTimersByTimeAsync(timeout + 1_000);
      expect((await abandoned).code).toBe('timed-out');
      expect(signals[1]?.aborted).toBe(true);
    });

    it("should never end the host's own SimpleWebAuthn call: not on cancel, nor at its watchdog", async () => {
      const { call, signals } = waitingCall();
      stubBrowser({ create: call, get: call });
      const cancel = new AbortController();
      const ours = credkitRejection(
        createPasskey(challenge, { ceremony: simpleWebAuthnCeremony, rp, timeout, signal: cancel.signal }),
      );
      // The host starts its own sign-in: SimpleWebAuthn ends credkit's call, as it ends any older one.
      const hosts = startAuthentication({ optionsJSON: { challenge: 'AQID' } });
      hosts.catch(() => undefined);
      expect((await ours).code).toBe('aborted');

      cancel.abort();
      await vi.advanceTimersByTimeAsync(timeout + 5_000);
      expect(signals.map((signal) => signal.aborted)).toEqual([true, false]);
    });

    it("should leave the host's pending call alone when SimpleWebAuthn refuses to start (no WebAuthn)", async () => {
      const { call, signals } = waitingCall();
      stubBrowser({ get: call });
      const hosts = startAuthentication({ optionsJSON: { challenge: 'AQID' } });
      hosts.catch(() => undefined);
      vi.stubGlobal('PublicKeyCredential', undefined);
      const cancel = new AbortController();
      const ours = credkitRejection(
        createPasskey(challenge, { ceremony: simpleWebAuthnCeremony, rp, timeout, signal: cancel.signal }),
      );
      cancel.abort();
      await ours;
      expect(signals[0]?.aborted).toBe(false);
    });
  });
});
