import type { Fido2CredentialInfo } from '../dfns/dfnsTypes.ts';

/** The name of a passkey not given one, when its provider is unknown. */
export const FALLBACK_PASSKEY_NAME = 'Passkey';

/**
 * The name a new passkey gets when the person left it blank: its provider's ("Apple Passwords",
 * "Google Password Manager"), from the AAGUID in its attestation and the community list, else
 * "Passkey". The reader and the names are a chunk loaded now, after the ceremony (no user activation
 * is needed any more), so a registration that is given a name never loads them. Never rejects.
 */
export async function defaultPasskeyName(
  credentialInfo: Pick<Fido2CredentialInfo, 'attestationData'>,
): Promise<string> {
  try {
    const { passkeyNameFromAttestation } = await import('./passkeyNameFromAttestation.ts');
    return passkeyNameFromAttestation(credentialInfo.attestationData) ?? FALLBACK_PASSKEY_NAME;
  } catch {
    return FALLBACK_PASSKEY_NAME;
  }
}
