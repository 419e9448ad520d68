import { isWebAuthnAvailable } from '@credkit/core';
import { useQuery } from '@tanstack/react-query';

/** A capability: known to be there, known not to be, or not known (on the server, or before detection). */
export type Capability = boolean | 'unknown';

/** What this browser can do for passkey registration. */
export interface WebAuthnCapabilities {
  /** WebAuthn in a secure context. */
  webAuthn: Capability;
  /** A user-verifying platform authenticator (Touch ID, Windows Hello, Android…). */
  platformAuthenticator: Capability;
  /** Conditional create (automatic passkey upgrade after a password sign-in). */
  conditionalCreate: Capability;
  /** Registration `hints` (`client-device`, `security-key`, `hybrid`). */
  hints: Capability;
}

const UNKNOWN: WebAuthnCapabilities = {
  webAuthn: 'unknown',
  platformAuthenticator: 'unknown',
  conditionalCreate: 'unknown',
  hints: 'unknown',
};

/** The react-query key capabilities are cached under (they do not change during a page's life). */
export const capabilitiesQueryKey = ['credkit', 'capabilities'] as const;

type L3PublicKeyCredential = typeof PublicKeyCredential & {
  getClientCapabilities?: () => Promise<Record<string, boolean>>;
};

/** Detects the capabilities (browser only). */
export async function detectWebAuthnCapabilities(): Promise<WebAuthnCapabilities> {
  if (!isWebAuthnAvailable()) {
    return { webAuthn: false, platformAuthenticator: false, conditionalCreate: false, hints: false };
  }
  const credential = window.PublicKeyCredential as L3PublicKeyCredential;
  // WebAuthn L3; guarded because password-manager extensions are known to break these getters.
  const client = await credential.getClientCapabilities?.().catch(() => undefined);
  const platformAuthenticator = await credential
    .isUserVerifyingPlatformAuthenticatorAvailable()
    .catch((): Capability => 'unknown');
  return {
    webAuthn: true,
    platformAuthenticator,
    conditionalCreate: client ? client.conditionalCreate === true : 'unknown',
    hints: client ? Object.keys(client).some((name) => name.startsWith('hint')) : 'unknown',
  };
}

/**
 * What this browser can do, from a react-query query: every field is `'unknown'` on the server and
 * until detection ran in the browser (nothing touches `window` during render).
 */
export function useWebAuthnCapabilities(): WebAuthnCapabilities {
  const { data } = useQuery({
    queryKey: capabilitiesQueryKey,
    queryFn: detectWebAuthnCapabilities,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  return data ?? UNKNOWN;
}
