// @credkit/core/keys: key credentials (Key, PasswordProtectedKey, RecoveryKey) with WebCrypto.
// A separate entry so that Fido2-only apps never bundle this code.
export type { RecoverBody } from './dfns/dfnsTypes.ts';
export { rawSignatureToDer } from './encoding/derSignature.ts';
export { spkiToPem } from './encoding/pem.ts';
export type {
  AccountRecoveryEngine,
  AccountRecoveryOptions,
  AccountRecoverySnapshot,
  RecoverAccountInput,
  RecoverAccountPhase,
  RecoverAccountRunPhase,
  RecoveryCodeStatus,
} from './engine/accountRecovery.ts';
export { createAccountRecovery } from './engine/accountRecovery.ts';
export type {
  PasswordProtectedKeyLoginController,
  PasswordProtectedKeyLoginInput,
  PasswordProtectedKeyLoginOptions,
} from './engine/passwordProtectedKeyLogin.ts';
export { createPasswordProtectedKeyLogin } from './engine/passwordProtectedKeyLogin.ts';
export type {
  LoginWithPasswordProtectedKeyOptions,
  SendLoginCodeOptions,
} from './flows/loginWithPasswordProtectedKey.ts';
export { loginWithPasswordProtectedKey, sendLoginCode } from './flows/loginWithPasswordProtectedKey.ts';
export type {
  AccountRecovery,
  RecoverAccountOptions,
  RecoveryCompletionContext,
  SendRecoveryCodeOptions,
} from './flows/recoverAccount.ts';
export { recoverAccount, sendRecoveryCode } from './flows/recoverAccount.ts';
export type { RecoveryChallengeContext } from './flows/recoveryChallenge.ts';
export type { KeyCredentialRegistration, RegisterKeyCredentialOptions } from './flows/registerKeyCredential.ts';
export { fetchKeyChallenge, registerKeyCredential } from './flows/registerKeyCredential.ts';
export type { KeyCredentialInput } from './keys/keyCredentialInfo.ts';
export { createKeyCredentialInfo, KEY_ALGORITHM } from './keys/keyCredentialInfo.ts';
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
export type { KeyUserActionSignerOptions } from './userAction/keyUserActionSigner.ts';
export { createKeyUserActionSigner } from './userAction/keyUserActionSigner.ts';
