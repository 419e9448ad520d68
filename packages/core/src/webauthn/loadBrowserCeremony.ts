import { CredkitError } from '../errors/credkitError.ts';
import { isWebAuthnAvailable } from './webAuthnSupport.ts';

type BrowserCeremonyModule = typeof import('./browserCreate.ts');

/**
 * credkit's own ceremony, loaded on first use: an app that passes another `ceremony` (SimpleWebAuthn's)
 * never downloads it. The registration engines ask for it at mount, so a click finds it loaded.
 * A chunk that fails to load is `network`.
 */
export function loadBrowserCeremony(): Promise<BrowserCeremonyModule> {
  // One promise for the page: awaiting it once settled costs a microtask, where a fresh `import()` of
  // a loaded chunk is resolved later by the browser, inside the click's path to `create()`.
  loading ??= import('./browserCreate.ts').catch((error: unknown) => {
    loading = undefined; // a chunk that failed to load is asked for again next time
    throw new CredkitError('network', { phase: 'ceremony', cause: error });
  });
  return loading;
}

let loading: Promise<BrowserCeremonyModule> | undefined;

/**
 * Starts loading credkit's own ceremony where a registration will need it (a passkey, no ceremony of
 * the host's, WebAuthn here), so that the click finds it loaded. Never throws: a failed load is
 * retried, and reported, by the registration.
 */
export function preloadBrowserCeremony({ kind = 'Fido2', ceremony }: { kind?: string; ceremony?: object }): void {
  if (kind === 'Fido2' && ceremony === undefined && isWebAuthnAvailable()) loadBrowserCeremony().catch(() => undefined);
}
