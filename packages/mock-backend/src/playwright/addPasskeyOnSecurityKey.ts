import type { Page } from '@playwright/test';
import { interceptFetch } from './interceptFetch.ts';
import { addVirtualAuthenticator, type VirtualAuthenticator, type VirtualCredential } from './virtualAuthenticator.ts';

/** How {@link addPasskeyOnSecurityKey} runs your app's registration. */
export interface AddPasskeyOnSecurityKeyOptions {
  /** The authenticator that holds the user's passkey and signs the user action: the `authenticator` fixture. */
  signWith: VirtualAuthenticator;
  /**
   * Registers the passkey through your app (name it, pick "Security key", click Register) and waits
   * until your app shows it registered. It runs with the security key plugged in.
   */
  register: () => Promise<void>;
  /**
   * The path of the first call after the new passkey is made, when the user action is to be signed:
   * Dfns's `/auth/action/init`, or your own server's route when it asks Dfns (a delegated flow).
   * @defaultValue "/auth/action/init"
   */
  signingStartsAt?: string;
  /**
   * Runs when the signing starts, the new passkey made and the first authenticator still silent: to
   * check what your app shows at that moment ("Confirm with an existing passkey…").
   */
  whenSigning?: () => Promise<void>;
  /** Whether the security key verifies its user (a PIN). @defaultValue true */
  userVerification?: boolean;
}

/**
 * Adds a second passkey on a security key while the user's first passkey signs the user action, as Dfns
 * requires: the test most passkey apps need, and one Chromium's virtual authenticators do not do alone.
 * Both authenticators in the page at once fail it: the first holds a passkey the new one must not
 * duplicate (`excludeCredentials`), so it would refuse the registration, and the security key, which
 * holds no passkey of the user, would refuse the signing. So: a security key is plugged in and the
 * first authenticator stops answering; your app makes the passkey (the key answers); at the first call
 * to `signingStartsAt` the key is unplugged and the first authenticator answers again, to sign. The
 * passkey made on the key, as the mock lists it.
 */
export async function addPasskeyOnSecurityKey(
  page: Page,
  {
    signWith,
    register,
    signingStartsAt = '/auth/action/init',
    whenSigning,
    userVerification = true,
  }: AddPasskeyOnSecurityKeyOptions,
): Promise<VirtualCredential> {
  const securityKey = await addVirtualAuthenticator(page, { kind: 'security-key', userVerification });
  await signWith.setPresence(false);
  let made: VirtualCredential[] | undefined;
  let failure: unknown;
  await interceptFetch(page, signingStartsAt, async (call) => {
    // The first change-inducing call only: a GET of the same path (a list) changes no authenticator.
    if (made === undefined && call.method !== 'GET') {
      try {
        await whenSigning?.();
        made = await securityKey.credentials();
        await securityKey.remove();
        await signWith.setPresence(true);
      } catch (error) {
        failure = error;
      }
    }
    return { continue: true };
  });
  try {
    await register();
  } finally {
    await securityKey.remove();
    await signWith.setPresence(true);
  }
  if (failure !== undefined) throw failure;
  if (made === undefined) {
    throw new Error(
      `addPasskeyOnSecurityKey: the registration never called ${signingStartsAt}: is user-action signing on (the mock's userActionSigning: "required") and does your app pass a userActionSigner?`,
    );
  }
  const [passkey, ...more] = made;
  if (!passkey || more.length > 0) {
    throw new Error(
      `addPasskeyOnSecurityKey: the security key holds ${made.length} passkeys when the signing starts, not the one just made`,
    );
  }
  return passkey;
}
