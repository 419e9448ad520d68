// @credkit/core/keys: key credentials (Key, PasswordProtectedKey, RecoveryKey) with WebCrypto.
// A separate entry so that Fido2-only apps never bundle this code.
export type { RecoverBody } from './dfns/dfnsTypes.ts';
export { rawSignatureToDer } from './encoding/derSignature.ts';
export { spkiToPem } from './encoding/pem.ts';
export type {
  AccountRecoveryController,
  AccountRecoveryInput,
  AccountRecoveryOptions,
  AccountRecoveryPhase,
  AccountRecoveryRunPhase,
  AccountRecoverySnapshot,
  RecoveryCodeStatus,
} from './engine/accountRecoveryController.ts';
export { createAccountRecoveryController } from './engine/accountRecoveryController.ts';
export type {
  PasswordProtectedKeyLoginController,
  PasswordProtectedKeyLoginInput,
  PasswordProtectedKeyLoginOptions,
  PasswordProtectedKeyLoginSnapshot,
} from './engine/passwordProtectedKeyLoginController.ts';
export { createPasswordProtectedKeyLoginController } from './engine/passwordProtectedKeyLoginController.ts';
export type {
  LoginWithPasswordProtectedKeyOptions,
  SendLoginCodeOptions,
} from './flows/loginWithPasswordProtectedKey.ts';
export { loginWithPasswordProtectedKey, sendLoginCode } from './flows/loginWithPasswordProtectedKey.ts';
export type {
  AccountRecoveryResult,
  RecoverAccountOptions,
  RecoveryCompletionContext,
  SendRecoveryCodeOptions,
} from './flows/recoverAccount.ts';
export { recoverAccount, sendRecoveryCode } from './flows/recoverAccount.ts';
export type { RecoveryChallengeContext } from './flows/recoveryChallenge.ts';
export type { KeyCredentialRegistration, RegisterKeyCredentialOptions } from './flows/registerKeyCredential.ts';
export { fetchKeyChallenge, registerKeyCredential } from './flows/registerKeyCredential.ts';
export type { KeyCredentialInput } from './keys/keyCredentialInfo.ts';
export { createKeyCredentialInfo, generateKeyCredentialId, KEY_ALGORITHM } from './keys/keyCredentialInfo.ts';
export type { WrappedPrivateKey } from './keys/privateKeyWrapping.ts';
export {
  MAX_WRAP_ITERATIONS,
  MIN_WRAP_ITERATIONS,
  unwrapPrivateKey,
  unwrapPrivateKeyBytes,
  wrapPrivateKey,
} from './keys/privateKeyWrapping.ts';
export { generateRecoveryCode, normalizeRecoveryCode, RECOVERY_CODE_BITS } from './keys/recoveryCode.ts';
export type { NewRecoveryKeyOptions, RegisteredRecoveryKey } from './keys/recoveryKeyCredential.ts';
export type { RecoveryKit } from './keys/recoveryKit.ts';
export { formatRecoveryKit, MAX_RECOVERY_KIT_LENGTH, parseRecoveryKit } from './keys/recoveryKit.ts';
export type { KeyUserActionSignerOptions } from './userAction/keyUserActionSigner.ts';
export { createKeyUserActionSigner } from './userAction/keyUserActionSigner.ts';
export type {
  PasswordProtectedKeyUserActionSignerOptions,
  PasswordRequest,
} from './userAction/passwordProtectedKeyUserActionSigner.ts';
export { createPasswordProtectedKeyUserActionSigner } from './userAction/passwordProtectedKeyUserActionSigner.ts';
