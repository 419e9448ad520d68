export type { AuthenticatorChoice, AuthenticatorSteering, PublicKeyCredentialHint } from './authenticatorChoice.ts';
export {
  AUTHENTICATOR_CHOICES,
  availableAuthenticatorChoices,
  toAuthenticatorSteering,
} from './authenticatorChoice.ts';
export { fromBase64url, toBase64url, utf8 } from './base64url.ts';
export { validateFido2Challenge, validateKeyChallenge } from './challenge.ts';
export type { CreationOptionsInput, CreationOptionsParser } from './creationOptions.ts';
export {
  creationOptionsFromJSON,
  DEFAULT_CEREMONY_TIMEOUT_MS,
  nativeCreationOptionsParser,
  parseCreationOptions,
  toCreationOptions,
  toCreationOptionsJSON,
} from './creationOptions.ts';
export { validateCreateCredentialResponse, validateListCredentialsResponse } from './credentialResponse.ts';
export type { CredkitErrorCode, CredkitErrorDetails, ErrorMessages, RegistrationPhase } from './credkitError.ts';
export { CredkitError, defaultErrorMessages, describeError, isCredkitError } from './credkitError.ts';
export type {
  CreateCredentialBody,
  CreateCredentialChallengeResponse,
  CreateCredentialResponse,
  CredentialKind,
  DfnsCredentialDescriptor,
  Fido2CredentialChallenge,
  Fido2CredentialInfo,
  KeyCredentialChallenge,
  KeyCredentialInfo,
  KeyCredentialKind,
  ListCredentialsResponse,
  RelyingParty,
} from './dfnsTypes.ts';
export type { CreateFetcherOptions, Fetcher, FetcherRequest } from './fetcher.ts';
export { createFetcher, serverError, toFetcherError } from './fetcher.ts';
export type { AttestationCredentialLike } from './fido2Payload.ts';
export { toFido2CredentialInfo } from './fido2Payload.ts';
export type { CeremonyContext } from './identifyCeremonyError.ts';
export { identifyCeremonyError } from './identifyCeremonyError.ts';
export { listCredentials } from './listCredentials.ts';
export type { RegisterCredentialOptions } from './registerCredential.ts';
export { fetchFido2Challenge, registerCredential } from './registerCredential.ts';
export type { RegisterUserOptions, UserRegistration } from './registerUser.ts';
export { registerUser, validateRegistrationChallenge } from './registerUser.ts';
export type { RunCeremonyOptions } from './runCeremony.ts';
export { runCeremony } from './runCeremony.ts';
export type {
  AllowedCredential,
  UserActionAssertion,
  UserActionChallenge,
  UserActionRequest,
  UserActionSigner,
  UserActionSignerWithProtocol,
} from './userAction.ts';
export {
  isChangeInducing,
  obtainUserAction,
  sendSigned,
  validateUserActionChallenge,
  withUserActionProtocol,
  withUserActionSigning,
} from './userAction.ts';
export type { Capability, WebAuthnCapabilities } from './webAuthnCapabilities.ts';
export { detectWebAuthnCapabilities, UNKNOWN_CAPABILITIES } from './webAuthnCapabilities.ts';
export type { CredentialCreator } from './webAuthnSupport.ts';
export { isWebAuthnAvailable } from './webAuthnSupport.ts';
export type { CredentialGetter, WebAuthnUserActionSignerOptions } from './webAuthnUserActionSigner.ts';
export { createWebAuthnUserActionSigner } from './webAuthnUserActionSigner.ts';
export type { WatchdogOptions } from './withWatchdog.ts';
export { DEFAULT_WATCHDOG_GRACE_MS, withWatchdog } from './withWatchdog.ts';
