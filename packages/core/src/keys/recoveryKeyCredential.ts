import type { RecoveryCredential } from '../dfns/dfnsTypes.ts';
import { checkCredentialName } from '../flows/checkCredentialName.ts';
import { createKeyCredential, keyCredentialOrigin } from './createKeyCredential.ts';
import { checkKeyCredentialId } from './keyCredentialInfo.ts';
import { normalizeRecoveryCode } from './recoveryCode.ts';

/** A recovery key registered in the same call as another credential (sign-up's `recoveryKey`, recovery's `newRecoveryKey`). */
export interface NewRecoveryKeyOptions {
  /** The recovery code its private key is wrapped under, as shown to the person. Never sent. */
  recoveryCode: string;
  /** Its name. @defaultValue "Recovery key" */
  credentialName?: string;
  /** PBKDF2 iterations for the wrapping key (at least 600,000). @defaultValue 600000 */
  iterations?: number;
  /**
   * Its ID, chosen beforehand (`generateKeyCredentialId`) so that it is shown with the code before
   * anything is sent: a recovery asks for both. base64url. @defaultValue a new one
   */
  credentialId?: string;
}

/** The recovery key a registration made: its ID (show it with its code: recovery asks for both) and name. */
export interface RegisteredRecoveryKey {
  credentialId: string;
  name: string;
}

/** A recovery key made for a challenge: what is sent, and what the person is told. */
export interface MadeRecoveryCredential {
  recoveryCredential: RecoveryCredential;
  recoveryKey: RegisteredRecoveryKey;
}

/**
 * The recovery-key step of a registration: checks the code, the name and WebCrypto now (before
 * anything is fetched: `invalid-input`, `unsupported`), and returns the step that makes the key for a
 * challenge — an ECDSA P-256 key pair whose private key is wrapped under the recovery code, and its
 * `credentialInfo` signing that challenge. Run it before the passkey ceremony: a key that cannot be
 * made then costs no passkey.
 */
export function prepareRecoveryKey(
  options: NewRecoveryKeyOptions,
  origin: string | undefined,
): (challenge: string) => Promise<MadeRecoveryCredential> {
  const secret = normalizeRecoveryCode(options.recoveryCode);
  const credentialName = checkCredentialName(options.credentialName ?? 'Recovery key');
  const checkedOrigin = keyCredentialOrigin(origin);
  const credId = checkKeyCredentialId(options.credentialId);
  return async (challenge) => {
    const { credentialInfo, encryptedPrivateKey } = await createKeyCredential({
      challenge,
      origin: checkedOrigin,
      secret,
      iterations: options.iterations,
      credId,
    });
    return {
      recoveryCredential: {
        credentialKind: 'RecoveryKey',
        credentialInfo,
        credentialName,
        ...(encryptedPrivateKey !== undefined && { encryptedPrivateKey }),
      },
      recoveryKey: { credentialId: credentialInfo.credId, name: credentialName },
    };
  };
}
