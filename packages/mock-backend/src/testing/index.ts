export type {
  SoftwareAuthenticator,
  SoftwareAuthenticatorOptions,
  SoftwareCredentialInfo,
  SoftwareRegistrationInput,
} from './softwareAuthenticator.ts';
export { createSoftwareAuthenticator } from './softwareAuthenticator.ts';
