// @credkit/core/providers: who made a passkey, from its AAGUID and the community-maintained list of
// passkey providers (github.com/passkeydeveloper/passkey-authenticator-aaguids). The list's names and
// icons are chunks of their own, loaded on first use.
export type { PasskeyProvider, PasskeyProviderIcon } from './providers/findPasskeyProvider.ts';
export { findPasskeyProvider } from './providers/findPasskeyProvider.ts';
export { passkeyProviderName } from './providers/passkeyProviderName.ts';
export { aaguidFromAttestation } from './webauthn/aaguidFromAttestation.ts';
