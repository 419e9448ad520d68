import type { CDPSession, Page } from '@playwright/test';

/** A credential a virtual authenticator holds, with its ids in base64url as Dfns and credkit write them. */
export interface VirtualCredential {
  /** base64url, unpadded: the `credentialId` the mock lists. */
  credentialId: string;
  isResidentCredential: boolean;
  rpId?: string;
  /** base64url of the WebAuthn user id (the UTF-8 of the Dfns user id). */
  userHandle?: string;
  /** How many times it has signed. */
  signCount: number;
}

/** What kind of authenticator to add, and whether it verifies its user. */
export interface VirtualAuthenticatorOptions {
  /**
   * `platform`: the device's own authenticator (transport `internal`; Chromium allows one per page).
   * `security-key`: a USB key (transport `usb`), as many as you like.
   * @defaultValue "platform"
   */
  kind?: 'platform' | 'security-key';
  /**
   * Whether it verifies its user (PIN or biometrics: the UV flag). Off, an authenticator that cannot (a
   * key without a PIN): it signs without the UV flag, and a ceremony that requires user verification
   * fails at once with `NotAllowedError` (credkit: `cancelled`). @defaultValue true
   */
  userVerification?: boolean;
  /**
   * Whether it answers prompts by itself (a simulated touch). Off, a prompt waits until its timeout.
   * @defaultValue true
   */
  presence?: boolean;
}

/** A WebAuthn virtual authenticator attached to a page over the Chrome DevTools Protocol. */
export interface VirtualAuthenticator {
  /** Its CDP id. */
  id: string;
  /** The CDP session it lives in, for the `WebAuthn.*` commands this object does not wrap. */
  cdp: CDPSession;
  /** The credentials it holds, oldest first. */
  credentials(): Promise<VirtualCredential[]>;
  /** Turns the simulated touch on or off: off, it never answers a prompt (and so never refuses one). */
  setPresence(enabled: boolean): Promise<void>;
  /** Whether its next user verification succeeds: `false` is a failed fingerprint (for an authenticator that verifies). */
  setUserVerified(verified: boolean): Promise<void>;
  /** Unplugs it: its credentials go with it. Removing it twice is harmless. */
  remove(): Promise<void>;
}

/** Standard base64 (as CDP reports ids) → base64url, unpadded (as Dfns and credkit write them). */
export function base64ToBase64url(value: string): string {
  return value.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Adds a WebAuthn virtual authenticator (CTAP2, resident keys) to `page` over CDP: Chromium answers
 * `navigator.credentials` with it, no person needed. It holds at most three resident credentials: add a
 * fresh one per test (the `authenticator` fixture does). Chromium only.
 */
export async function addVirtualAuthenticator(
  page: Page,
  options: VirtualAuthenticatorOptions = {},
): Promise<VirtualAuthenticator> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: options.kind === 'security-key' ? 'usb' : 'internal',
      hasResidentKey: true,
      hasUserVerification: options.userVerification ?? true,
      isUserVerified: options.userVerification ?? true,
      automaticPresenceSimulation: options.presence ?? true,
    },
  });
  let removed = false;
  return {
    id: authenticatorId,
    cdp,
    async credentials() {
      const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
      return credentials.map((credential) => ({
        credentialId: base64ToBase64url(credential.credentialId),
        isResidentCredential: credential.isResidentCredential,
        signCount: credential.signCount,
        ...(credential.rpId !== undefined && { rpId: credential.rpId }),
        ...(credential.userHandle !== undefined && { userHandle: base64ToBase64url(credential.userHandle) }),
      }));
    },
    async setPresence(enabled) {
      await cdp.send('WebAuthn.setAutomaticPresenceSimulation', { authenticatorId, enabled });
    },
    async setUserVerified(isUserVerified) {
      await cdp.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified });
    },
    async remove() {
      if (removed) return;
      removed = true;
      // The page (and its CDP session) may be gone already at the end of a test: nothing left to unplug.
      await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId }).catch(() => undefined);
    },
  };
}
