'use client';

export type { RegisteredKey, RegistrableCredentialKind } from '@credkit/core';
export type { AuthenticatorChoicesProps } from './AuthenticatorChoices.tsx';
export { AuthenticatorChoices } from './AuthenticatorChoices.tsx';
export type { RegisterCredentialMessages, RegisterCredentialMessagesInput } from './messages.ts';
export { englishMessages, mergeMessages } from './messages.ts';
export { credentialsQueryKey } from './queryKeys.ts';
export type {
  RegisterCredentialPart,
  RegisterCredentialProps,
  RegisterCredentialRenderProps,
} from './RegisterCredential.tsx';
export { MIN_PASSWORD_LENGTH, RegisterCredential } from './RegisterCredential.tsx';
export type { RecoveryCodeMessages } from './recoveryMessages.ts';
export type {
  ConditionalRegistrationStatus,
  UseConditionalRegistrationOptions,
  UseConditionalRegistrationResult,
} from './useConditionalRegistration.ts';
export { useConditionalRegistration } from './useConditionalRegistration.ts';
export { useCredentials } from './useCredentials.ts';
export type {
  CredentialSecret,
  RegisterPasskeyPhase,
  UseRegisterPasskeyOptions,
  UseRegisterPasskeyResult,
} from './useRegisterPasskey.ts';
export { useRegisterPasskey } from './useRegisterPasskey.ts';
export type { UseRegisterUserOptions, UseRegisterUserResult } from './useRegisterUser.ts';
export { useRegisterUser } from './useRegisterUser.ts';
export { capabilitiesQueryKey, useWebAuthnCapabilities } from './useWebAuthnCapabilities.ts';
