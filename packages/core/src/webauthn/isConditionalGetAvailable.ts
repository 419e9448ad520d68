import { isWebAuthnAvailable } from './webAuthnSupport.ts';

type L3PublicKeyCredential = typeof PublicKeyCredential & {
  getClientCapabilities?: () => Promise<Record<string, boolean | undefined>>;
  isConditionalMediationAvailable?: () => Promise<boolean>;
};

/**
 * True when this browser offers passkeys in a field's autofill (`navigator.credentials.get()` with
 * `mediation: 'conditional'`): `getClientCapabilities()`'s `conditionalGet`, else the L2
 * `isConditionalMediationAvailable()`. Never throws; false on the server. Kept apart from
 * `detectWebAuthnCapabilities` so that only sign-in screens carry it.
 */
export async function isConditionalGetAvailable(): Promise<boolean> {
  if (!isWebAuthnAvailable()) return false;
  const credential = window.PublicKeyCredential as L3PublicKeyCredential;
  // WebAuthn L3 methods are guarded: password-manager extensions are known to replace and break them.
  const client = await Promise.resolve()
    .then(() => credential.getClientCapabilities?.())
    .catch(() => undefined);
  if (typeof client?.conditionalGet === 'boolean') return client.conditionalGet;
  return Promise.resolve()
    .then(() => credential.isConditionalMediationAvailable?.())
    .then(
      (available) => available === true,
      () => false,
    );
}
