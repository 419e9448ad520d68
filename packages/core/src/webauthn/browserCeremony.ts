import { lazyModule } from '../chunks/lazyModule.ts';
import { isWebAuthnAvailable } from './webAuthnSupport.ts';

/**
 * credkit's own ceremony, loaded on first use: an app that passes another `ceremony` (SimpleWebAuthn's)
 * never downloads it. The registration engines ask for it at mount, so a click finds it loaded and
 * calls it without an await (`browserCeremony.loaded ?? (await browserCeremony.load())`): awaiting even
 * a settled promise lets other microtasks (React's render of the phase just set) run between the click
 * and `create()`. A chunk that fails to load is `network`; it is asked for again next time.
 */
export const browserCeremony = lazyModule(() => import('./browserCreate.ts'), 'ceremony');

/**
 * Starts loading credkit's own ceremony where a registration will need it (a passkey, no ceremony of
 * the host's, WebAuthn here), so that the click finds it loaded. Never throws: a failed load is
 * retried, and reported, by the registration.
 */
export function preloadBrowserCeremony({ kind = 'Fido2', ceremony }: { kind?: string; ceremony?: object }): void {
  if (kind === 'Fido2' && ceremony === undefined && isWebAuthnAvailable())
    browserCeremony.load().catch(() => undefined);
}
