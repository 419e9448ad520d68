import { createFetcher, registerPasskey } from '@credkit/core';
import { aaguidFromAttestation, findPasskeyProvider, passkeyProviderName } from '@credkit/core/providers';

const fetcher = createFetcher({ baseUrl: 'https://api.dfns.io' });

// No name: the passkey is named after its provider ("Google Password Manager", "Apple Passwords",
// "1Password"…), from the AAGUID in its attestation, or "Passkey" when the list does not know it.
const credential = await registerPasskey({ fetcher, rp: { id: 'app.example.com', name: 'Example' } });
console.log(credential.name);

// Your own ceremony's attestationObject (base64url, Dfns's `attestationData`): which provider made it.
export async function providerOf(attestationData: string) {
  const aaguid = aaguidFromAttestation(attestationData);
  if (!aaguid) return undefined;
  const name = await passkeyProviderName(aaguid); // a few kB, loaded on first use
  const provider = await findPasskeyProvider(aaguid); // the name and its icons: about 74 kB gzip, on first use
  return provider?.icon ? { name, light: provider.icon.light, dark: provider.icon.dark } : { name };
}
