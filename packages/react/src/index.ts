'use client';

export type { RecoveryCodeMessages, RegisterCredentialMessages, RegisterCredentialMessagesInput } from './messages.ts';
export { englishMessages, mergeMessages } from './messages.ts';
export { challengeQueryKeyPrefix, credentialsQueryKey } from './queryKeys.ts';
export type { RecoveryCodeStepProps } from './RecoveryCodeStep.tsx';
export { RecoveryCodeStep } from './RecoveryCodeStep.tsx';
export type { RegisterCredentialPart, RegisterCredentialProps } from './RegisterCredential.tsx';
export { MIN_PASSWORD_LENGTH, RegisterCredential } from './RegisterCredential.tsx';
export { useCredentials } from './useCredentials.ts';
export type {
  CredentialSecret,
  RegisteredKey,
  RegisterPasskeyPhase,
  RegistrableCredentialKind,
  UseRegisterPasskeyOptions,
  UseRegisterPasskeyResult,
} from './useRegisterPasskey.ts';
export { useRegisterPasskey } from './useRegisterPasskey.ts';
export type { UseRegisterUserOptions, UseRegisterUserResult } from './useRegisterUser.ts';
export { useRegisterUser } from './useRegisterUser.ts';
export { capabilitiesQueryKey, useWebAuthnCapabilities } from './useWebAuthnCapabilities.ts';
