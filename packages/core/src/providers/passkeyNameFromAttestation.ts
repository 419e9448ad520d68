import { aaguidFromAttestation } from '../webauthn/aaguidFromAttestation.ts';
import { passkeyProviderNames } from './passkeyProviderNames.ts';

/** The provider's name of the passkey an attestationObject (base64url) is of, if the list knows it. */
export function passkeyNameFromAttestation(attestationData: string): string | undefined {
  const aaguid = aaguidFromAttestation(attestationData);
  return aaguid && Object.hasOwn(passkeyProviderNames, aaguid) ? passkeyProviderNames[aaguid] : undefined;
}
