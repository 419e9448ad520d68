import { CredkitError } from '../errors/credkitError.ts';
import { isWebAuthnAvailable } from './webAuthnSupport.ts';

type BrowserCeremonyModule = typeof import('./browserCreate.ts');

/**
 * credkit's own ceremony, loaded on first use: an app that passes another `ceremony` (SimpleWebAuthn's)
 * never downloads it. The registration engines ask for it at mount, so a click finds it loaded.
 * A chunk that fails to load is `network`; it is asked for again next time.
 */
export function loadBrowserCeremony(): Promise<BrowserCeremonyModule> {
  return import('./browserCreate.ts').then(
    (module) => (loadedBrowserCeremony = module),
    (error: unknown) => {
      throw new CredkitError('network', { phase: 'ceremony', cause: error });
    },
  );
}

/**
 * credkit's own ceremony once its chunk has loaded, to call without an await: awaiting even a settled
 * promise lets other microtasks (React's render of the phase just set) run between the click and
 * `create()`, and awaiting a fresh `import()` of the loaded chunk waits for the browser, longer still.
 */
export let loadedBrowserCeremony: BrowserCeremonyModule | undefined;

/**
 * Starts loading credkit's own ceremony where a registration will need it (a passkey, no ceremony of
 * the host's, WebAuthn here), so that the click finds it loaded. Never throws: a failed load is
 * retried, and reported, by the registration.
 */
export function preloadBrowserCeremony({ kind = 'Fido2', ceremony }: { kind?: string; ceremony?: object }): void {
  if (kind === 'Fido2' && ceremony === undefined && isWebAuthnAvailable()) loadBrowserCeremony().catch(() => undefined);
}
