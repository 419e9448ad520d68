import type { Fido2CredentialInfo } from '../dfns/dfnsTypes.ts';
import type { UserActionAssertion } from '../userAction/userAction.ts';

/** A Dfns Fido2 assertion (`credentialAssertion` of a user action or a login), base64url members. */
export type Fido2Assertion = Extract<UserActionAssertion, { kind: 'Fido2' }>['credentialAssertion'];

/**
 * What a ceremony's `get()` gives back: the Dfns assertion, and where the passkey that answered is
 * (`PublicKeyCredential.authenticatorAttachment`), which is never sent to the server.
 */
export interface PasskeyAssertion extends Fido2Assertion {
  /** `platform`: this device's own authenticator; `cross-platform`: a security key or a phone (hybrid). Absent when the browser does not say. */
  authenticatorAttachment?: AuthenticatorAttachment;
}

/** What credkit asks a {@link PasskeyCeremony} to do: the options as WebAuthn JSON, and the call's own signal. */
export interface CeremonyRequest<OptionsJSON> {
  /** The options, Dfns byte rules already applied (WebAuthn L3 JSON: binary members are base64url). */
  optionsJSON: OptionsJSON;
  /** Aborted when this call must end (cancel, unmount, watchdog, a newer ceremony); abort this call only. */
  signal: AbortSignal;
}

/**
 * Who runs the WebAuthn calls: credkit's own (the default, on `navigator.credentials`) or
 * `simpleWebAuthnCeremony` from `@credkit/core/simplewebauthn`. credkit builds the options, runs the
 * call under its watchdog and posts the result; the ceremony only talks to the browser.
 *
 * Each method ends its call when `signal` aborts, and throws a `CredkitError` for a failure it can
 * name (any other error is reported as `unknown`).
 */
export interface PasskeyCeremony {
  /** `navigator.credentials.create()` → the Dfns `credentialInfo`. */
  create(
    request: CeremonyRequest<PublicKeyCredentialCreationOptionsJSON> & { mediation?: 'conditional' },
  ): Promise<Fido2CredentialInfo>;
  /**
   * `navigator.credentials.get()` → the Dfns assertion (and, where the browser says, the passkey's
   * `authenticatorAttachment`); `mediation: 'conditional'` offers the passkeys in the autofill.
   */
  get(
    request: CeremonyRequest<PublicKeyCredentialRequestOptionsJSON> & { mediation?: 'conditional' },
  ): Promise<PasskeyAssertion>;
}
