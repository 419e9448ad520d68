import type { WebAuthnCapabilities } from './webAuthnSupport.ts';

/**
 * Where the person wants the new passkey, in words they know: "This device", "Security key",
 * "Phone or tablet". Each maps to WebAuthn `hints` and, for browsers without hints, the legacy
 * `authenticatorSelection.authenticatorAttachment`.
 */
export type AuthenticatorChoice = 'this-device' | 'security-key' | 'phone';

/** What a choice adds to the creation options. */
export interface AuthenticatorSteering {
  /** WebAuthn L3 `hints`, most preferred first. */
  hints: PublicKeyCredentialHint[];
  /** The legacy steering, for browsers that ignore `hints`. */
  authenticatorAttachment: AuthenticatorAttachment;
}

/** The WebAuthn L3 hint values (TypeScript's DOM library types `hints` as `string[]`). */
export type PublicKeyCredentialHint = 'client-device' | 'security-key' | 'hybrid';

const steering: Record<AuthenticatorChoice, AuthenticatorSteering> = {
  'this-device': { hints: ['client-device'], authenticatorAttachment: 'platform' },
  'security-key': { hints: ['security-key'], authenticatorAttachment: 'cross-platform' },
  phone: { hints: ['hybrid'], authenticatorAttachment: 'cross-platform' },
};

/** Every choice, in the order a picker shows them. */
export const AUTHENTICATOR_CHOICES: readonly AuthenticatorChoice[] = ['this-device', 'security-key', 'phone'];

/** The `hints` and `authenticatorAttachment` of a choice. */
export function toAuthenticatorSteering(choice: AuthenticatorChoice): AuthenticatorSteering {
  const { hints, authenticatorAttachment } = steering[choice];
  return { hints: [...hints], authenticatorAttachment };
}

/**
 * The choices this browser can honour: "This device" needs a user-verifying platform
 * authenticator, "Phone or tablet" the hybrid transport; a security key is always possible where
 * WebAuthn is. A capability that is `'unknown'` keeps its choice (the browser decides then).
 */
export function availableAuthenticatorChoices(
  capabilities: Pick<WebAuthnCapabilities, 'webAuthn' | 'platformAuthenticator' | 'hybridTransport'>,
  choices: readonly AuthenticatorChoice[] = AUTHENTICATOR_CHOICES,
): AuthenticatorChoice[] {
  if (capabilities.webAuthn === false) return [];
  return choices.filter((choice) => {
    if (choice === 'this-device') return capabilities.platformAuthenticator !== false;
    if (choice === 'phone') return capabilities.hybridTransport !== false;
    return true;
  });
}
