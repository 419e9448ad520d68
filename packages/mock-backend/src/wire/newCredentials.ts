import { badRequest } from '../errors.ts';
import {
  type CreateCredentialBody,
  type FirstFactorCredential,
  readCredentialInfo,
  readCredentialName,
  readEncryptedPrivateKey,
  readFirstFactorCredential,
} from './createCredentialBody.ts';
import { objectField, stringField } from './requestBody.ts';

/** A RecoveryKey registered with a first factor (`recoveryCredential` of a sign-up or a recovery). */
export interface NewRecoveryCredential {
  credentialKind: 'RecoveryKey';
  credentialInfo: CreateCredentialBody['credentialInfo'];
  credentialName: string | undefined;
  encryptedPrivateKey: string | undefined;
}

/** What a sign-up or a recovery registers in one call: a first factor and, optionally, a RecoveryKey. */
export interface NewCredentials {
  firstFactor: FirstFactorCredential;
  recoveryCredential: NewRecoveryCredential | undefined;
}

/**
 * Reads `firstFactorCredential`, `recoveryCredential` and `secondFactorCredential` of `container`:
 * the body of `POST /auth/registration(/enduser)` (`prefix` empty) or the `newCredentials` of
 * `POST /auth/recover/user` (`prefix` `newCredentials.`). Each problem is a 400 naming the field; a
 * `secondFactorCredential` is refused, not dropped: the mock offers no second factor.
 */
export function readNewCredentials(container: Record<string, unknown>, prefix = ''): NewCredentials {
  if (container.secondFactorCredential !== undefined) {
    throw badRequest(
      `${prefix}secondFactorCredential: the mock supports no second factor (supportedCredentialKinds.secondFactor is empty)`,
    );
  }
  const firstFactor = readFirstFactorCredential(container, `${prefix}firstFactorCredential`);
  if (container.recoveryCredential === undefined) return { firstFactor, recoveryCredential: undefined };
  const path = `${prefix}recoveryCredential`;
  const credential = objectField(container.recoveryCredential, path);
  const credentialKind = stringField(credential.credentialKind, `${path}.credentialKind`);
  if (credentialKind !== 'RecoveryKey') {
    throw badRequest(`${path}.credentialKind must be "RecoveryKey", got "${credentialKind}"`);
  }
  const credentialInfo = readCredentialInfo(
    objectField(credential.credentialInfo, `${path}.credentialInfo`),
    `${path}.credentialInfo`,
  );
  if (credentialInfo.credId === firstFactor.credentialInfo.credId) {
    throw badRequest(`${path}.credentialInfo.credId is the first factor's: a recovery credential needs its own`);
  }
  return {
    firstFactor,
    recoveryCredential: {
      credentialKind,
      credentialInfo,
      credentialName: readCredentialName(credential.credentialName, `${path}.credentialName`),
      encryptedPrivateKey: readEncryptedPrivateKey(
        credential.encryptedPrivateKey,
        'RecoveryKey',
        `${path}.encryptedPrivateKey`,
      ),
    },
  };
}
