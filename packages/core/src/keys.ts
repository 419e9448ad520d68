// @credkit/core/keys: key credentials (Key, PasswordProtectedKey, RecoveryKey) with WebCrypto.
// A separate entry so that Fido2-only apps never bundle this code.
export { rawSignatureToDer } from './derSignature.ts';
export type { KeyCredentialInput } from './keyCredentialInfo.ts';
export { createKeyCredentialInfo, KEY_ALGORITHM } from './keyCredentialInfo.ts';
export type { KeyUserActionSignerOptions } from './keyUserActionSigner.ts';
export { createKeyUserActionSigner } from './keyUserActionSigner.ts';
export { spkiToPem } from './pem.ts';
export type { WrappedPrivateKey } from './privateKeyWrapping.ts';
export { MIN_WRAP_ITERATIONS, unwrapPrivateKey, unwrapPrivateKeyBytes, wrapPrivateKey } from './privateKeyWrapping.ts';
export { generateRecoveryCode, normalizeRecoveryCode, RECOVERY_CODE_BITS } from './recoveryCode.ts';
export type { KeyCredentialRegistration, RegisterKeyCredentialOptions } from './registerKeyCredential.ts';
export { fetchKeyChallenge, registerKeyCredential } from './registerKeyCredential.ts';
