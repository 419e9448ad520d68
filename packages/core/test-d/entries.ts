// The other public names a host uses, so that every entry's declarations are compiled.
import {
  createCredentialRegistrationController,
  createUserRegistrationController,
  detectWebAuthnCapabilities,
  listCredentials,
  logout,
  registerUser,
} from '@credkit/core';
import {
  createPasswordProtectedKeyLoginController,
  generateRecoveryCode,
  loginWithPasswordProtectedKey,
  registerKeyCredential,
  sendLoginCode,
  wrapPrivateKey,
} from '@credkit/core/keys';

export const root = {
  createCredentialRegistrationController,
  createUserRegistrationController,
  detectWebAuthnCapabilities,
  listCredentials,
  logout,
  registerUser,
};
export const keys = {
  createPasswordProtectedKeyLoginController,
  generateRecoveryCode,
  loginWithPasswordProtectedKey,
  registerKeyCredential,
  sendLoginCode,
  wrapPrivateKey,
};

// A sign-up from the host's backend: no orgId, username or code, and register() asks for none.
export const fromHostBackend = createUserRegistrationController({
  rp: { id: 'example.com', name: 'Example' },
  challengeSource: async () => ({}),
  completion: async (body) => ({ body }),
});
fromHostBackend.start({ credentialName: 'Laptop' });
