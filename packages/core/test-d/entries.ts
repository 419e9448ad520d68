// The other public names a host uses, so that every entry's declarations are compiled.
import {
  createCredentialRegistration,
  createUserRegistration,
  detectWebAuthnCapabilities,
  listCredentials,
  registerUser,
} from '@credkit/core';
import { generateRecoveryCode, registerKeyCredential, wrapPrivateKey } from '@credkit/core/keys';

export const root = {
  createCredentialRegistration,
  createUserRegistration,
  detectWebAuthnCapabilities,
  listCredentials,
  registerUser,
};
export const keys = { generateRecoveryCode, registerKeyCredential, wrapPrivateKey };
