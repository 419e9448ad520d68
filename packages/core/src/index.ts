// @credkit/core: the names a host uses. Everything else is internal (tests import it by path).

// Registering: the flows, and the engine the React hooks adapt.
export type {
  CreateCredentialBody,
  CreateCredentialResponse,
  RecoveryCredential,
  RegisterEndUserBody,
  RelyingParty,
} from './dfns/dfnsTypes.ts';
export type {
  CeremonyEvent,
  CeremonyEventOptions,
  CeremonyEventType,
  CeremonyKind,
} from './engine/ceremonyEvents.ts';
export type {
  CredentialCodeController,
  CredentialCodeOptions,
  CredentialCodeSnapshot,
} from './engine/credentialCodeController.ts';
export { createCredentialCodeController } from './engine/credentialCodeController.ts';
export type {
  CredentialRegistrationController,
  CredentialRegistrationInput,
  CredentialRegistrationOptions,
  CredentialRegistrationResult,
  CredentialRegistrationSnapshot,
  RegisteredKey,
  RegistrableCredentialKind,
} from './engine/credentialRegistrationController.ts';
export { createCredentialRegistrationController } from './engine/credentialRegistrationController.ts';
export type { OperationPhase, OperationSnapshot } from './engine/operationController.ts';
export type {
  PasskeyAutofillController,
  PasskeyAutofillOptions,
  PasskeyAutofillSnapshot,
  PasskeyAutofillStatus,
} from './engine/passkeyAutofillController.ts';
export { createPasskeyAutofillController } from './engine/passkeyAutofillController.ts';
export type {
  PasskeyLoginController,
  PasskeyLoginInput,
  PasskeyLoginOptions,
  PasskeyLoginSnapshot,
} from './engine/passkeyLoginController.ts';
export { createPasskeyLoginController } from './engine/passkeyLoginController.ts';
export type {
  UserRegistrationController,
  UserRegistrationDetails,
  UserRegistrationInput,
  UserRegistrationOptions,
  UserRegistrationSnapshot,
} from './engine/userRegistrationController.ts';
export { createUserRegistrationController } from './engine/userRegistrationController.ts';
// Errors.
export type { CredkitErrorCode, CredkitErrorField, ErrorMessages, OperationRunPhase } from './errors/credkitError.ts';
export { CredkitError, defaultErrorMessages, describeError, isCredkitError } from './errors/credkitError.ts';
export { serverMessageToShow } from './errors/serverMessageToShow.ts';
export type { SetCredentialActiveOptions } from './flows/credentialActivation.ts';
export { setCredentialActive } from './flows/credentialActivation.ts';
export type { CreateCredentialCodeOptions, CredentialCode } from './flows/credentialCodes.ts';
export { createCredentialCode, withCredentialCode } from './flows/credentialCodes.ts';
// When the host's backend talks to Dfns (the delegated flows): the browser-side halves.
export type { ChallengeSource, Completion, HostCallContext } from './flows/hostBackend.ts';
export { listCredentials } from './flows/listCredentials.ts';
export type { LoginResult, LoginWithPasskeyOptions } from './flows/loginWithPasskey.ts';
export { loginWithPasskey } from './flows/loginWithPasskey.ts';
export type { LogoutOptions } from './flows/logout.ts';
export { logout } from './flows/logout.ts';
export type { RegisterPasskeyOptions } from './flows/registerPasskey.ts';
export { registerPasskey } from './flows/registerPasskey.ts';
export type { RegisterUserOptions, UserRegistrationResult } from './flows/registerUser.ts';
export { registerUser } from './flows/registerUser.ts';
// Talking to the backend: the host's fetcher.
export type { Fetcher, FetcherRequest } from './http/fetcher.ts';
export { createFetcher } from './http/fetcher.ts';
// What a signed-in account lacks: a recovery key, a second passkey, a passkey here.
export type { AccountNudge, AccountNudgesInput } from './nudges/accountNudges.ts';
export { accountNudges } from './nudges/accountNudges.ts';
export type { NudgeDismissals, NudgeDismissalsOptions, NudgeStorage } from './nudges/nudgeDismissals.ts';
export { createNudgeDismissals } from './nudges/nudgeDismissals.ts';

// Confirming changes with an existing credential (Dfns user-action signing).
export { createFallbackUserActionSigner } from './userAction/fallbackUserActionSigner.ts';
export type {
  SignedUserActionChallenge,
  SignUserActionChallengeOptions,
} from './userAction/signUserActionChallenge.ts';
export { signUserActionChallenge } from './userAction/signUserActionChallenge.ts';
export type {
  UserActionAssertion,
  UserActionChallenge,
  UserActionSigner,
  UserActionSignerWithProtocol,
} from './userAction/userAction.ts';
export { withUserActionProtocol } from './userAction/userAction.ts';
export { createWebAuthnUserActionSigner } from './userAction/webAuthnUserActionSigner.ts';
// What the browser can do, and where the person wants the passkey.
export type { AuthenticatorChoice } from './webauthn/authenticatorChoice.ts';
export { availableAuthenticatorChoices } from './webauthn/authenticatorChoice.ts';
export { isConditionalGetAvailable } from './webauthn/isConditionalGetAvailable.ts';
export type { CeremonyRequest, Fido2Assertion, PasskeyAssertion, PasskeyCeremony } from './webauthn/passkeyCeremony.ts';
export type { PasskeySignalUser } from './webauthn/passkeySignals.ts';
export {
  signalAcceptedPasskeyIds,
  signalAcceptedPasskeys,
  signalCurrentUser,
  signalUnknownPasskey,
  userFromToken,
} from './webauthn/passkeySignals.ts';
export type { CredentialCreator, WebAuthnCapabilities } from './webauthn/webAuthnSupport.ts';
export { detectWebAuthnCapabilities, UNKNOWN_CAPABILITIES } from './webauthn/webAuthnSupport.ts';
