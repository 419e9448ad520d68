import { afterEach, describe, expect, it, vi } from 'vitest';
import { CredkitError } from '../errors/credkitError.ts';
import {
  browserCredentials,
  detectWebAuthnCapabilities,
  isWebAuthnAvailable,
  UNKNOWN_CAPABILITIES,
} from './webAuthnSupport.ts';

/** A browser-like global scope with the given PublicKeyCredential; restored after each test. */
function browserWith(publicKeyCredential: object | undefined) {
  vi.stubGlobal('window', { isSecureContext: true, PublicKeyCredential: publicKeyCredential });
  // In a browser, window is the global object: PublicKeyCredential is reachable both ways.
  vi.stubGlobal('PublicKeyCredential', publicKeyCredential);
  vi.stubGlobal('navigator', { credentials: { create: () => Promise.resolve(null) } });
}

const PublicKeyCredentialLike = (methods: object) => Object.assign(function PublicKeyCredential() {}, methods);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('detectWebAuthnCapabilities', () => {
  it('should say false for everything where there is no WebAuthn (Node, or an insecure page)', async () => {
    await expect(detectWebAuthnCapabilities()).resolves.toEqual({
      webAuthn: false,
      platformAuthenticator: false,
      conditionalCreate: false,
      hybridTransport: false,
      hints: false,
      nativeJSON: false,
    });
  });

  it("should read the browser's client capabilities (Chromium 156's answer)", async () => {
    browserWith(
      PublicKeyCredentialLike({
        isUserVerifyingPlatformAuthenticatorAvailable: async () => true,
        getClientCapabilities: async () => ({
          conditionalCreate: true,
          hybridTransport: false,
          passkeyPlatformAuthenticator: true,
          userVerifyingPlatformAuthenticator: true,
        }),
        parseCreationOptionsFromJSON: () => ({}),
      }),
    );
    await expect(detectWebAuthnCapabilities()).resolves.toEqual({
      webAuthn: true,
      platformAuthenticator: true,
      conditionalCreate: true,
      hybridTransport: false,
      hints: 'unknown',
      nativeJSON: true,
    });
  });

  it('should not claim hint support from a capability it does not know (none reports hints)', async () => {
    browserWith(
      PublicKeyCredentialLike({
        isUserVerifyingPlatformAuthenticatorAvailable: async () => true,
        getClientCapabilities: async () => ({ hintsSupported: true, 'hint:security-key': true }),
      }),
    );
    await expect(detectWebAuthnCapabilities()).resolves.toMatchObject({ webAuthn: true, hints: 'unknown' });
  });

  it('should survive L3 methods that throw or reject (broken by an extension), reporting unknown', async () => {
    browserWith(
      PublicKeyCredentialLike({
        isUserVerifyingPlatformAuthenticatorAvailable: () => {
          throw new TypeError('broken');
        },
        getClientCapabilities: () => Promise.reject(new TypeError('broken')),
      }),
    );
    await expect(detectWebAuthnCapabilities()).resolves.toEqual({
      ...UNKNOWN_CAPABILITIES,
      webAuthn: true,
      // No answer from getClientCapabilities: no conditional create (it shipped after it), so the
      // automatic upgrade says "unsupported" instead of waiting for ever.
      conditionalCreate: false,
      nativeJSON: false,
    });
  });
});

describe('isWebAuthnAvailable', () => {
  it('should be false without a window (Node, the server)', () => {
    expect(isWebAuthnAvailable()).toBe(false);
  });

  it('should be true in a secure page with PublicKeyCredential and navigator.credentials', () => {
    browserWith(PublicKeyCredentialLike({}));
    expect(isWebAuthnAvailable()).toBe(true);
  });

  it('should be false in an insecure page', () => {
    browserWith(PublicKeyCredentialLike({}));
    vi.stubGlobal('window', { isSecureContext: false, PublicKeyCredential: PublicKeyCredentialLike({}) });
    expect(isWebAuthnAvailable()).toBe(false);
  });
});

describe('browserCredentials', () => {
  it("should give the browser's navigator.credentials", () => {
    browserWith(PublicKeyCredentialLike({}));
    expect(browserCredentials('ceremony')).toBe(navigator.credentials);
  });

  it('should throw unsupported, in the phase asked, where WebAuthn is not available', () => {
    for (const phase of ['ceremony', 'signing'] as const) {
      let thrown: unknown;
      try {
        browserCredentials(phase);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(CredkitError);
      expect(thrown).toMatchObject({ code: 'unsupported', phase });
    }
  });
});
