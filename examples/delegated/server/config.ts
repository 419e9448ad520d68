/** What the server needs to talk to Dfns as the app's service account. */
export interface ServerConfig {
  /** Where the Dfns API answers (`https://api.dfns.io`, or `credkit-mock`). */
  dfnsApiUrl: string;
  /** The service account's bearer token. Secret: it never leaves this server. */
  serviceAccountToken: string;
  /** The id of the service account's Key credential, which signs its user actions. */
  serviceAccountCredId: string;
  /** That key's private key (PKCS#8 PEM). Secret: it never leaves this server. */
  serviceAccountPrivateKey: string;
  /** Where this server listens (localhost only). */
  port: number;
  /** The built web app this server also serves (so the app and its API share one origin and one cookie). */
  webRoot: string;
}

/** Reads the configuration from the environment; a missing variable stops the server with its name. */
export function configFromEnv(env: NodeJS.ProcessEnv): ServerConfig {
  const required = (name: string): string => {
    const value = env[name];
    if (!value) throw new Error(`${name} is not set (see examples/delegated/README.md)`);
    return value;
  };
  return {
    dfnsApiUrl: required('DFNS_API_URL'),
    serviceAccountToken: required('DFNS_SERVICE_ACCOUNT_TOKEN'),
    serviceAccountCredId: required('DFNS_SERVICE_ACCOUNT_CRED_ID'),
    serviceAccountPrivateKey: required('DFNS_SERVICE_ACCOUNT_PRIVATE_KEY').replace(/\\n/g, '\n'),
    port: Number(env.PORT ?? 3000),
    webRoot: env.WEB_ROOT ?? 'dist',
  };
}
