import type { aaguidFromAttestation } from '../webauthn/aaguidFromAttestation.ts';

/**
 * The passkey provider's name for an AAGUID (as {@link aaguidFromAttestation} reads it), loading the
 * names (a chunk of their own) on first use; `undefined` for an AAGUID the list does not know, or when
 * the chunk fails to load.
 */
export async function passkeyProviderName(aaguid: string | undefined): Promise<string | undefined> {
  if (!aaguid) return undefined;
  try {
    const { passkeyProviderNames } = await import('./passkeyProviderNames.ts');
    const key = aaguid.toLowerCase();
    return Object.hasOwn(passkeyProviderNames, key) ? passkeyProviderNames[key] : undefined;
  } catch {
    return undefined;
  }
}
