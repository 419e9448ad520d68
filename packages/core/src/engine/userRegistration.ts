import type { RelyingParty } from '../dfns/dfnsTypes.ts';
import type { CredkitError } from '../errors/credkitError.ts';
import { registerUser, type UserRegistration } from '../flows/registerUser.ts';
import type { Fetcher } from '../http/fetcher.ts';
import { preloadBrowserCeremony } from '../webauthn/loadBrowserCeremony.ts';
import type { PasskeyCeremony } from '../webauthn/passkeyCeremony.ts';
import type { CredentialCreator } from '../webauthn/webAuthnSupport.ts';
import { createRegistrationController, type RegistrationController } from './registrationController.ts';

/** Options of {@link createUserRegistration}. */
export interface UserRegistrationOptions {
  /** Makes the HTTP calls; the registration's temporary token is sent per call. */
  fetcher: Fetcher;
  /** The Dfns organisation to join. */
  orgId: string;
  /** The relying party of the first passkey. */
  rp: RelyingParty;
  /** The first credential: a passkey, or a key made in the browser. @defaultValue "Fido2" */
  kind?: 'Fido2' | 'Key';
  /** The ceremony timeout in milliseconds. @defaultValue 60000 */
  timeout?: number;
  /** Called once the user is registered (and signed in: `registration.token`). */
  onRegistered?: (registration: UserRegistration) => void;
  /** Called with the error when the registration fails. */
  onError?: (error: CredkitError) => void;
  /**
   * Who runs `navigator.credentials.create()`: credkit's own ceremony by default, or
   * `simpleWebAuthnCeremony` from `@credkit/core/simplewebauthn` for an app that ships SimpleWebAuthn.
   */
  ceremony?: PasskeyCeremony;
  /** The object whose `create` runs credkit's own ceremony (not used with `ceremony`). @defaultValue navigator.credentials */
  credentials?: CredentialCreator;
}

/** What one sign-up needs. */
export interface UserRegistrationInput {
  /** The new user's username (an email at Dfns). */
  username: string;
  /** The code the user received (not enforced by every server). */
  registrationCode: string;
  /** The first credential's name. @defaultValue "Passkey" / "Key" */
  credentialName?: string;
}

/** The controller of sign-ups, with options that may change between calls. */
export interface UserRegistrationController extends RegistrationController<UserRegistrationInput, UserRegistration> {
  /** Replaces the options; the next sign-up uses them. */
  setOptions: (options: UserRegistrationOptions) => void;
}

/**
 * The sign-up engine: a {@link RegistrationController} that registers a new user with their first
 * credential (`registerUser`) per `register({ username, registrationCode })`, with the same phases,
 * abort and error model as credential registration. React's `useRegisterUser` adapts it.
 */
export function createUserRegistration(initialOptions: UserRegistrationOptions): UserRegistrationController {
  let options = initialOptions;
  const controller = createRegistrationController<UserRegistrationInput, UserRegistration>({
    run: (input, { signal, onPhase }) =>
      registerUser({
        fetcher: options.fetcher,
        orgId: options.orgId,
        rp: options.rp,
        kind: options.kind,
        timeout: options.timeout,
        ceremony: options.ceremony,
        credentials: options.credentials,
        ...input,
        signal,
        onPhase,
      }),
    cancelMessage: 'Sign-up cancelled. Nothing was registered.',
    onRegistered: (registration) => options.onRegistered?.(registration),
    onError: (error) => options.onError?.(error),
    // credkit's own ceremony loads on first use; ask for it at mount, so that a click finds it loaded.
    onMount: () => {
      preloadBrowserCeremony(options);
      return () => undefined;
    },
  });
  return {
    ...controller,
    setOptions(next) {
      options = next;
    },
  };
}
