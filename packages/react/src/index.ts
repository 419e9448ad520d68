'use client';

export type { RegisteredKey, RegistrableCredentialKind } from '@credkit/core';
export type {
  AccountRecoveryInput,
  AccountRecoveryOptions,
  AccountRecoveryPhase,
  RecoveryCodeStatus,
} from '@credkit/core/keys';
export type { AccountNudgesPart, AccountNudgesProps } from './AccountNudges/AccountNudges.tsx';
export { AccountNudges } from './AccountNudges/AccountNudges.tsx';
export type { AccountNudgesMessages } from './AccountNudges/accountNudgesMessages.ts';
export { englishAccountNudgesMessages } from './AccountNudges/accountNudgesMessages.ts';
export type { AuthenticatorChoicesProps } from './AuthenticatorChoices.tsx';
export { AuthenticatorChoices } from './AuthenticatorChoices.tsx';
export type { CredentialCodeProps } from './CredentialCode/CredentialCode.tsx';
export { CredentialCode } from './CredentialCode/CredentialCode.tsx';
export type {
  CredentialCodeContextValue,
  CredentialCodePart,
  CredentialCodeState,
} from './CredentialCode/credentialCodeContext.ts';
export { useCredentialCodeContext } from './CredentialCode/credentialCodeContext.ts';
export type { CredentialCodeMessages, CredentialCodeMessagesInput } from './CredentialCode/credentialCodeMessages.ts';
export { englishCredentialCodeMessages } from './CredentialCode/credentialCodeMessages.ts';
export type { CredentialCodeRootProps } from './CredentialCode/Root.tsx';
export type { CredentialCodeComponentOptions } from './CredentialCode/useCredentialCodeRoot.ts';
export type { CredentialListActionProps } from './CredentialList/Action.tsx';
export type { CredentialListProps } from './CredentialList/CredentialList.tsx';
export { CredentialList } from './CredentialList/CredentialList.tsx';
export type {
  CredentialChange,
  CredentialListContextValue,
  CredentialListPart,
  CredentialListState,
} from './CredentialList/credentialListContext.ts';
export { useCredentialListContext } from './CredentialList/credentialListContext.ts';
export type {
  CredentialAction,
  CredentialListMessages,
  CredentialListMessagesInput,
} from './CredentialList/credentialListMessages.ts';
export { englishCredentialListMessages } from './CredentialList/credentialListMessages.ts';
export type { CredentialListLockoutNoteProps } from './CredentialList/LockoutNote.tsx';
export type { CredentialListRootProps } from './CredentialList/Root.tsx';
export type { CredentialListRowProps } from './CredentialList/Row.tsx';
export type { CredentialListOptions } from './CredentialList/useCredentialListState.ts';
export type { MessagesInput } from './mergeMessages.ts';
export { mergeMessages } from './mergeMessages.ts';
export { credentialsQueryKey } from './queryKeys.ts';
export type { PasskeyNameFieldProps, RecoverAccountFieldProps } from './RecoverAccount/Fields.tsx';
export type { NewRecoveryKeyOptionProps } from './RecoverAccount/NewRecoveryKey.tsx';
export type { RecoverAccountProps } from './RecoverAccount/RecoverAccount.tsx';
export { RecoverAccount } from './RecoverAccount/RecoverAccount.tsx';
export type { RecoveryKitFileProps } from './RecoverAccount/RecoveryKitFile.tsx';
export type { RecoverAccountRootProps } from './RecoverAccount/Root.tsx';
export type {
  MadeRecoveryKey,
  RecoverAccountContextValue,
  RecoverAccountField,
  RecoverAccountPart,
  RecoverAccountStep,
} from './RecoverAccount/recoverAccountContext.ts';
export { useRecoverAccountContext } from './RecoverAccount/recoverAccountContext.ts';
export type {
  RecoverAccountMessages,
  RecoverAccountMessagesInput,
} from './RecoverAccount/recoverAccountMessages.ts';
export { englishRecoverAccountMessages } from './RecoverAccount/recoverAccountMessages.ts';
export type { RecoveryCodeMessages } from './RecoveryCode/recoveryMessages.ts';
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
export { MIN_PASSWORD_LENGTH, useRegisterCredentialContext } from './RegisterCredential/registerCredentialContext.ts';
export type { RegisterCredentialFormOptions } from './RegisterCredential/useRegisterCredentialForm.ts';
export type { CodeFieldProps } from './RegisterWithCode/CodeField.tsx';
export type { RegisterWithCodeProps } from './RegisterWithCode/RegisterWithCode.tsx';
export { RegisterWithCode } from './RegisterWithCode/RegisterWithCode.tsx';
export type { RegisterWithCodeRootProps } from './RegisterWithCode/Root.tsx';
export type { RegisterWithCodeContextValue } from './RegisterWithCode/registerWithCodeContext.ts';
export { useRegisterWithCodeContext } from './RegisterWithCode/registerWithCodeContext.ts';
export type {
  RegisterWithCodeMessages,
  RegisterWithCodeMessagesInput,
} from './RegisterWithCode/registerWithCodeMessages.ts';
export { englishRegisterWithCodeMessages } from './RegisterWithCode/registerWithCodeMessages.ts';
export type { RegisterCredentialMessages, RegisterCredentialMessagesInput } from './registerCredentialMessages.ts';
export { englishRegisterCredentialMessages } from './registerCredentialMessages.ts';
export type { SignInRootProps } from './SignIn/Root.tsx';
export type { SignInProps } from './SignIn/SignIn.tsx';
export { SignIn } from './SignIn/SignIn.tsx';
export type { SignInContextValue, SignInPart, SignInState } from './SignIn/signInContext.ts';
export { useSignInContext } from './SignIn/signInContext.ts';
export type { SignInMessages, SignInMessagesInput } from './SignIn/signInMessages.ts';
export { englishSignInMessages } from './SignIn/signInMessages.ts';
export type { UsernameFieldProps } from './SignIn/UsernameField.tsx';
export type { AccountNudgesOptions, AccountNudgesResult } from './useAccountNudges.ts';
export { useAccountNudges } from './useAccountNudges.ts';
export type {
  ConditionalRegistrationStatus,
  UseConditionalRegistrationOptions,
  UseConditionalRegistrationResult,
} from './useConditionalRegistration.ts';
export { useConditionalRegistration } from './useConditionalRegistration.ts';
export type { UseCredentialCodeOptions, UseCredentialCodeResult } from './useCredentialCode.ts';
export { useCredentialCode } from './useCredentialCode.ts';
export { type UseCredentialsOptions, useCredentials } from './useCredentials.ts';
export type { LogoutInput, UseLogoutOptions } from './useLogout.ts';
export { useLogout } from './useLogout.ts';
export type { UsePasskeyAutofillOptions, UsePasskeyAutofillResult } from './usePasskeyAutofill.ts';
export { usePasskeyAutofill } from './usePasskeyAutofill.ts';
export type { UsePasskeyLoginOptions, UsePasskeyLoginResult } from './usePasskeyLogin.ts';
export { usePasskeyLogin } from './usePasskeyLogin.ts';
export type {
  LoginCodeStatus,
  UsePasswordProtectedKeyLoginOptions,
  UsePasswordProtectedKeyLoginResult,
} from './usePasswordProtectedKeyLogin.ts';
export { usePasswordProtectedKeyLogin } from './usePasswordProtectedKeyLogin.ts';
export type { UseRecoverAccountOptions, UseRecoverAccountResult } from './useRecoverAccount.ts';
export { useRecoverAccount } from './useRecoverAccount.ts';
export type {
  CredentialSecret,
  UseRegisterCredentialOptions,
  UseRegisterCredentialResult,
} from './useRegisterCredential.ts';
export { useRegisterCredential } from './useRegisterCredential.ts';
export type { UseRegisterPasskeyOptions, UseRegisterPasskeyResult } from './useRegisterPasskey.ts';
export { useRegisterPasskey } from './useRegisterPasskey.ts';
export type { UseRegisterUserInput, UseRegisterUserOptions, UseRegisterUserResult } from './useRegisterUser.ts';
export { useRegisterUser } from './useRegisterUser.ts';
export type {
  SetCredentialActiveInput,
  UseSetCredentialActiveOptions,
} from './useSetCredentialActive.ts';
export { useSetCredentialActive } from './useSetCredentialActive.ts';
export { capabilitiesQueryKey, useWebAuthnCapabilities } from './useWebAuthnCapabilities.ts';
