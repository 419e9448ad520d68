/**
 * Where the passkey that answered a ceremony is: `credential.authenticatorAttachment` (WebAuthn L3,
 * also on SimpleWebAuthn's response JSON), `undefined` when the browser does not say or says
 * something else. Read in a `try`: credentials from password-manager extensions are known to carry
 * getters that throw.
 */
export function authenticatorAttachmentOf(credential: unknown): AuthenticatorAttachment | undefined {
  try {
    const value = (credential as { authenticatorAttachment?: unknown } | null)?.authenticatorAttachment;
    return value === 'platform' || value === 'cross-platform' ? value : undefined;
  } catch {
    return undefined;
  }
}
