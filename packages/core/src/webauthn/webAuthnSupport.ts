// Everything credkit asks the browser about WebAuthn, in one place. Nothing here runs at import:
// every question is asked when called, so the module loads on the server too.
import { CredkitError, type OperationRunPhase } from '../errors/credkitError.ts';

/** The part of `navigator.credentials` credkit uses; inject one in tests instead of stubbing globals. */
export interface CredentialCreator {
  create(options: CredentialCreationOptions): Promise<Credential | null>;
}

/** True when this page can run a WebAuthn registration: the API exists and the context is secure. */
export function isWebAuthnAvailable(): boolean {
  return (
    typeof window !== 'undefined' &&
    window.isSecureContext !== false &&
    typeof window.PublicKeyCredential === 'function' &&
    typeof navigator?.credentials?.create === 'function'
  );
}

/** The browser's `navigator.credentials`; throws `unsupported` (in `phase`) where WebAuthn is not available. */
export function browserCredentials(phase: OperationRunPhase): CredentialsContainer {
  if (!isWebAuthnAvailable()) throw new CredkitError('unsupported', { phase });
  return navigator.credentials;
}

/** `PublicKeyCredential.parseCreationOptionsFromJSON`, or a stand-in with the same contract. */
export type CreationOptionsParser = (
  json: PublicKeyCredentialCreationOptionsJSON,
) => PublicKeyCredentialCreationOptions;

/** The browser's own `parseCreationOptionsFromJSON`, when it has one (read at call time, never at import). */
export function nativeCreationOptionsParser(): CreationOptionsParser | undefined {
  const credential = globalThis.PublicKeyCredential as
    | (Partial<Pick<typeof PublicKeyCredential, 'parseCreationOptionsFromJSON'>> & object)
    | undefined;
  const parse = credential?.parseCreationOptionsFromJSON;
  return typeof parse === 'function' ? (json) => parse.call(credential, json) : undefined;
}

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
  /** Cross-device registration with a phone or tablet (the hybrid transport). */
  hybridTransport: Capability;
  /**
   * Registration `hints` (`client-device`, `security-key`, `hybrid`). Nothing reports support for
   * them (`getClientCapabilities()` has no such capability), so it is `'unknown'` wherever WebAuthn
   * is; credkit always sends the legacy `authenticatorAttachment` beside the hints, so choices steer
   * either way.
   */
  hints: Capability;
  /** `PublicKeyCredential.parseCreationOptionsFromJSON` (WebAuthn L3), used when present. */
  nativeJSON: Capability;
}

/** Every capability `'unknown'`: what the server renders, and the browser until detection ran. */
export const UNKNOWN_CAPABILITIES: Readonly<WebAuthnCapabilities> = Object.freeze({
  webAuthn: 'unknown',
  platformAuthenticator: 'unknown',
  conditionalCreate: 'unknown',
  hybridTransport: 'unknown',
  hints: 'unknown',
  nativeJSON: 'unknown',
});

type L3PublicKeyCredential = typeof PublicKeyCredential & {
  getClientCapabilities?: () => Promise<Record<string, boolean | undefined>>;
};

const reported = (client: Record<string, boolean | undefined> | undefined, name: string): Capability =>
  typeof client?.[name] === 'boolean' ? (client[name] as boolean) : 'unknown';

/** Detects what this browser can do (call it in the browser, after render; never throws). */
export async function detectWebAuthnCapabilities(): Promise<WebAuthnCapabilities> {
  if (!isWebAuthnAvailable()) {
    return {
      webAuthn: false,
      platformAuthenticator: false,
      conditionalCreate: false,
      hybridTransport: false,
      hints: false,
      nativeJSON: false,
    };
  }
  const credential = window.PublicKeyCredential as L3PublicKeyCredential;
  // WebAuthn L3 methods are guarded: password-manager extensions are known to replace and break them.
  const client = await Promise.resolve()
    .then(() => credential.getClientCapabilities?.())
    .catch(() => undefined);
  // The L2 question only where the L3 answer lacks it.
  const platformAuthenticator =
    client?.userVerifyingPlatformAuthenticator ??
    (await Promise.resolve()
      .then(() => credential.isUserVerifyingPlatformAuthenticatorAvailable())
      .then(
        (available): Capability => available === true,
        (): Capability => 'unknown',
      ));
  return {
    webAuthn: true,
    platformAuthenticator,
    // Conditional create came after getClientCapabilities: without an answer from it, there is none.
    conditionalCreate: client?.conditionalCreate === true,
    hybridTransport: reported(client, 'hybridTransport'),
    // No capability string of WebAuthn L3 says whether `hints` are honoured: nothing to detect.
    hints: 'unknown',
    nativeJSON: nativeCreationOptionsParser() !== undefined,
  };
}
