export { validateFido2Challenge, validateKeyChallenge } from './dfns/challenge.ts';
export { validateCreateCredentialResponse, validateListCredentialsResponse } from './dfns/credentialResponse.ts';
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
} from './dfns/dfnsTypes.ts';
export { fromBase64url, toBase64url, utf8 } from './encoding/base64url.ts';
export type {
  CredentialRegistration,
  CredentialRegistrationInput,
  CredentialRegistrationOptions,
  CredentialRegistrationResult,
  RegisteredKey,
  RegistrableCredentialKind,
} from './engine/credentialRegistration.ts';
export { createCredentialRegistration } from './engine/credentialRegistration.ts';
export type {
  RegistrationController,
  RegistrationSnapshot,
  RegistrationStatus,
} from './engine/registrationController.ts';
export type {
  UserRegistrationController,
  UserRegistrationInput,
  UserRegistrationOptions,
} from './engine/userRegistration.ts';
export { createUserRegistration } from './engine/userRegistration.ts';
export type { CredkitErrorCode, CredkitErrorDetails, ErrorMessages, RegistrationPhase } from './errors/credkitError.ts';
export { CredkitError, defaultErrorMessages, describeError, isCredkitError } from './errors/credkitError.ts';
export { listCredentials } from './flows/listCredentials.ts';
export type { RegisterCredentialOptions } from './flows/registerCredential.ts';
export { fetchFido2Challenge, registerCredential } from './flows/registerCredential.ts';
export type { RegisterUserOptions, UserRegistration } from './flows/registerUser.ts';
export { registerUser, validateRegistrationChallenge } from './flows/registerUser.ts';
export type { CreateFetcherOptions, Fetcher, FetcherRequest } from './http/fetcher.ts';
export { createFetcher, serverError, toFetcherError } from './http/fetcher.ts';
export type {
  AllowedCredential,
  UserActionAssertion,
  UserActionChallenge,
  UserActionRequest,
  UserActionSigner,
  UserActionSignerWithProtocol,
} from './userAction/userAction.ts';
export {
  obtainUserAction,
  validateUserActionChallenge,
  withUserActionProtocol,
} from './userAction/userAction.ts';
export type { CredentialGetter, WebAuthnUserActionSignerOptions } from './userAction/webAuthnUserActionSigner.ts';
export { createWebAuthnUserActionSigner } from './userAction/webAuthnUserActionSigner.ts';
export { withUserActionSigning } from './userAction/withUserActionSigning.ts';
export type {
  AuthenticatorChoice,
  AuthenticatorSteering,
  PublicKeyCredentialHint,
} from './webauthn/authenticatorChoice.ts';
export {
  AUTHENTICATOR_CHOICES,
  availableAuthenticatorChoices,
  toAuthenticatorSteering,
} from './webauthn/authenticatorChoice.ts';
export type { CreationOptionsInput } from './webauthn/creationOptions.ts';
export {
  creationOptionsFromJSON,
  DEFAULT_CEREMONY_TIMEOUT_MS,
  parseCreationOptions,
  toCreationOptions,
  toCreationOptionsJSON,
} from './webauthn/creationOptions.ts';
export type { AttestationCredentialLike } from './webauthn/fido2Payload.ts';
export { toFido2CredentialInfo } from './webauthn/fido2Payload.ts';
export type { CeremonyContext } from './webauthn/identifyCeremonyError.ts';
export { identifyCeremonyError } from './webauthn/identifyCeremonyError.ts';
export type { RunCeremonyOptions } from './webauthn/runCeremony.ts';
export { runCeremony } from './webauthn/runCeremony.ts';
export type {
  Capability,
  CreationOptionsParser,
  CredentialCreator,
  WebAuthnCapabilities,
} from './webauthn/webAuthnSupport.ts';
export {
  detectWebAuthnCapabilities,
  isWebAuthnAvailable,
  nativeCreationOptionsParser,
  UNKNOWN_CAPABILITIES,
} from './webauthn/webAuthnSupport.ts';
export type { WatchdogOptions } from './webauthn/withWatchdog.ts';
export { DEFAULT_WATCHDOG_GRACE_MS, withWatchdog } from './webauthn/withWatchdog.ts';
