export type {
  SoftwareAssertionInput,
  SoftwareAuthenticator,
  SoftwareAuthenticatorOptions,
  SoftwareCredentialAssertion,
  SoftwareCredentialInfo,
  SoftwareRegistrationInput,
} from './softwareAuthenticator.ts';
export { createSoftwareAuthenticator } from './softwareAuthenticator.ts';
export type { SoftwareKeyCredentialInput } from './softwareKeySigner.ts';
export { createSoftwareKeyCredential } from './softwareKeySigner.ts';
export type { ServiceAccountKeyPair } from './testingServiceAccount.ts';
export { TESTING_SERVICE_ACCOUNT } from './testingServiceAccount.ts';
