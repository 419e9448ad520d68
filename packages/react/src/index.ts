'use client';

export type { RegisteredKey, RegistrableCredentialKind } from '@credkit/core';
export type { AuthenticatorChoicesProps } from './AuthenticatorChoices.tsx';
export { AuthenticatorChoices } from './AuthenticatorChoices.tsx';
export type { RegisterCredentialMessages, RegisterCredentialMessagesInput } from './messages.ts';
export { englishMessages, mergeMessages } from './messages.ts';
export { credentialsQueryKey } from './queryKeys.ts';
export type { NameFieldProps } from './RegisterCredential/NameField.tsx';
export type { RegisterCredentialProps } from './RegisterCredential/RegisterCredential.tsx';
export { RegisterCredential } from './RegisterCredential/RegisterCredential.tsx';
export type { RegisterCredentialRootProps } from './RegisterCredential/Root.tsx';
export type {
  FieldError,
  RegisterCredentialContextValue,
  RegisterCredentialField,
  RegisterCredentialPart,
  RegisterCredentialState,
} from './RegisterCredential/registerCredentialContext.ts';
export { useRegisterCredential } from './RegisterCredential/registerCredentialContext.ts';
export type { RegisterCredentialFormOptions } from './RegisterCredential/useRegisterCredentialForm.ts';
export { MIN_PASSWORD_LENGTH } from './RegisterCredential/useRegisterCredentialForm.ts';
export type { RecoveryCodeMessages } from './recoveryMessages.ts';
export type {
  ConditionalRegistrationStatus,
  UseConditionalRegistrationOptions,
  UseConditionalRegistrationResult,
} from './useConditionalRegistration.ts';
export { useConditionalRegistration } from './useConditionalRegistration.ts';
export type { UseCredentialCodeOptions, UseCredentialCodeResult } from './useCredentialCode.ts';
export { useCredentialCode } from './useCredentialCode.ts';
export { useCredentials } from './useCredentials.ts';
export type { UsePasskeyLoginOptions, UsePasskeyLoginResult } from './usePasskeyLogin.ts';
export { usePasskeyLogin } from './usePasskeyLogin.ts';
export type {
  CredentialSecret,
  RegisterPasskeyPhase,
  UseRegisterPasskeyOptions,
  UseRegisterPasskeyResult,
} from './useRegisterPasskey.ts';
export { useRegisterPasskey } from './useRegisterPasskey.ts';
export type { UseRegisterUserInput, UseRegisterUserOptions, UseRegisterUserResult } from './useRegisterUser.ts';
export { useRegisterUser } from './useRegisterUser.ts';
export type {
  SetCredentialActiveInput,
  UseSetCredentialActiveOptions,
} from './useSetCredentialActive.ts';
export { useSetCredentialActive } from './useSetCredentialActive.ts';
export { capabilitiesQueryKey, useWebAuthnCapabilities } from './useWebAuthnCapabilities.ts';
