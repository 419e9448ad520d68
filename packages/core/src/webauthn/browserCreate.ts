import type { Fido2CredentialInfo } from '../dfns/dfnsTypes.ts';
import { parseCreationOptions } from './creationOptions.ts';
import { toFido2CredentialInfo } from './fido2Payload.ts';
import { identifyCeremonyError } from './identifyCeremonyError.ts';
import type { PasskeyCeremony } from './passkeyCeremony.ts';
import { browserCredentials, type CredentialCreator } from './webAuthnSupport.ts';

// credkit's own `create()`. Loaded on first use (see browserCeremony.ts): an app on another
// ceremony never downloads it.

/**
 * credkit's own `create()`, on `credentials` (checked now: `unsupported` where there are none):
 * through the browser's JSON parser when it has one, every failure classified by its DOMException.
 */
export function browserCreator(
  credentials: CredentialCreator = browserCredentials('ceremony'),
): Pick<PasskeyCeremony, 'create'> {
  return {
    async create({ optionsJSON, signal, mediation }): Promise<Fido2CredentialInfo> {
      const publicKey = parseCreationOptions(optionsJSON);
      const request: CredentialCreationOptions = { publicKey, signal };
      // TypeScript's DOM library (5.9) lacks `mediation` on CredentialCreationOptions; browsers read it.
      if (mediation) Object.assign(request, { mediation });
      const startedAt = performance.now();
      const credential = await credentials.create(request).catch((error: unknown) => {
        throw identifyCeremonyError(error, { publicKey, elapsedMs: performance.now() - startedAt, signal });
      });
      return toFido2CredentialInfo(credential);
    },
  };
}
