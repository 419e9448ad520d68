// @credkit/core/simplewebauthn: credkit on @simplewebauthn/browser (an optional peer dependency,
// 13 or later), for apps that already ship it. Pass `simpleWebAuthnCeremony` as `ceremony` to the
// flows, the engine, the hooks or the component; or call SimpleWebAuthn yourself and map its answers.
export { toRequestOptionsJSON } from './userAction/webAuthnUserActionSigner.ts';
export { type CreationOptionsInput, toCreationOptionsJSON } from './webauthn/creationOptions.ts';
export {
  createSimpleWebAuthnUserActionSigner,
  fromAuthenticationResponse,
  fromRegistrationResponse,
  simpleWebAuthnCeremony,
} from './webauthn/simpleWebAuthnCeremony.ts';
