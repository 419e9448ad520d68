import { lazyModule } from '../chunks/lazyModule.ts';
import type { passkeyProviderName } from './passkeyProviderName.ts';

/** A passkey provider's icon: SVG data URIs, one for light backgrounds and one for dark ones. */
export interface PasskeyProviderIcon {
  /** For light backgrounds (`prefers-color-scheme: light`). */
  light: string;
  /** For dark backgrounds. */
  dark: string;
}

/** The passkey provider that made a passkey, from the community AAGUID list. */
export interface PasskeyProvider {
  /** The AAGUID, lowercase. */
  aaguid: string;
  /** The provider's name, e.g. "Google Password Manager", "Apple Passwords", "1Password". */
  name: string;
  /** Its icon, when the list has one. */
  icon?: PasskeyProviderIcon;
}

// The icons are most of the list's bytes: a chunk apart from the names.
const names = lazyModule(() => import('./passkeyProviderNames.ts'));
const icons = lazyModule(() => import('./passkeyProviderIcons.ts'));

/**
 * The passkey provider for an AAGUID, with its icon: loads the names and the icons on first use (the
 * icons are the heavy part: call it where an icon shows; {@link passkeyProviderName} for the name
 * alone). `undefined` for an AAGUID the list does not know. Rejects with a `network` CredkitError when
 * a chunk fails to load.
 */
export async function findPasskeyProvider(aaguid: string): Promise<PasskeyProvider | undefined> {
  const key = aaguid.toLowerCase();
  const [{ passkeyProviderNames }, { passkeyProviderIcons }] = await Promise.all([names.load(), icons.load()]);
  if (!Object.hasOwn(passkeyProviderNames, key)) return undefined;
  const name = passkeyProviderNames[key] as string;
  const icon = passkeyProviderIcons[key];
  return icon ? { aaguid: key, name, icon } : { aaguid: key, name };
}
