// @credkit/core/simplewebauthn: credkit on @simplewebauthn/browser (an optional peer dependency,
// 13 or later), for apps that already ship it. Pass `simpleWebAuthnCeremony` as `ceremony` to the
// flows, the engine, the hooks or the component; or call SimpleWebAuthn yourself and map its answers.
export type { Fido2CredentialChallenge, Fido2CredentialInfo } from './dfns/dfnsTypes.ts';
export type { UserActionChallenge } from './userAction/userAction.ts';
export type { CreationOptionsInput } from './webauthn/creationOptions.ts';
export type { Fido2Assertion } from './webauthn/passkeyCeremony.ts';
export {
  createSimpleWebAuthnUserActionSigner,
  fromAuthenticationResponse,
  fromRegistrationResponse,
  simpleWebAuthnCeremony,
  toAuthenticationOptionsJSON,
  toRegistrationOptionsJSON,
} from './webauthn/simpleWebAuthnCeremony.ts';
