export { fromBase64url, toBase64url, utf8 } from './base64url.ts';
export { validateFido2Challenge, validateKeyChallenge } from './challenge.ts';
export type { CreationOptionsInput } from './creationOptions.ts';
export { DEFAULT_CEREMONY_TIMEOUT_MS, toCreationOptions } from './creationOptions.ts';
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
export type { RunCeremonyOptions } from './runCeremony.ts';
export { DEFAULT_WATCHDOG_GRACE_MS, runCeremony } from './runCeremony.ts';
export type { CredentialCreator } from './webAuthnSupport.ts';
export { isWebAuthnAvailable } from './webAuthnSupport.ts';
