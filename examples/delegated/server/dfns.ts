import { DfnsApiClient, DfnsDelegatedApiClient } from '@dfns/sdk';
import { AsymmetricKeySigner } from '@dfns/sdk-keysigner';
import type { ServerConfig } from './config.ts';

/** The Dfns clients the routes use, built once from the configuration. */
export function createDfnsClients(config: ServerConfig) {
  const baseUrl = config.dfnsApiUrl;
  const signer = new AsymmetricKeySigner({
    credId: config.serviceAccountCredId,
    privateKey: config.serviceAccountPrivateKey,
  });
  return {
    /** The service account: delegated registration, login and recovery, each signed by its key. */
    serviceAccount: new DfnsApiClient({ baseUrl, authToken: config.serviceAccountToken, signer }),
    /** Under a registration's or a recovery's temporary token: completes what the browser signed. */
    withTemporaryToken: (authToken: string) => new DfnsApiClient({ baseUrl, authToken }),
    /** As the signed-in end user: every change is split in `…Init` / `…Complete`, the browser signs between. */
    asUser: (authToken: string) => new DfnsDelegatedApiClient({ baseUrl, authToken }),
  };
}

/** The clients of {@link createDfnsClients}. */
export type DfnsClients = ReturnType<typeof createDfnsClients>;
