import type { RegistrableCredentialKind } from '@credkit/core';
import {
  englishRegisterCredentialMessages,
  type RegisterCredentialMessages,
  type RegisterCredentialMessagesInput,
} from '../registerCredentialMessages.ts';

/** Every text `<RegisterWithCode>` shows: those of `<RegisterCredential>`, and the code field's. */
export interface RegisterWithCodeMessages extends RegisterCredentialMessages {
  /** The code field's label. */
  codeLabel: string;
  /** The problem of an empty code field, found before anything is sent. */
  codeMissing: string;
}

/** Some of the texts, to replace the defaults: each group merges with the English one. */
export type RegisterWithCodeMessagesInput = RegisterCredentialMessagesInput & {
  codeLabel?: string;
  codeMissing?: string;
};

const NOUN: Record<RegistrableCredentialKind, string> = {
  Fido2: 'Passkey',
  Key: 'Key',
  PasswordProtectedKey: 'Password-protected key',
  RecoveryKey: 'Recovery key',
};

/** The default, English texts of `<RegisterWithCode>`: `<RegisterCredential>`'s, told as an addition to the account. */
export const englishRegisterWithCodeMessages: RegisterWithCodeMessages = {
  ...englishRegisterCredentialMessages,
  codeLabel: 'Code from your other device',
  codeMissing: 'Enter the code from your other device.',
  registered: (kind, name, credentialId) =>
    kind === 'Fido2'
      ? `Passkey “${name}” added to your account. You can now sign in with it on this device.`
      : kind === 'RecoveryKey' && credentialId
        ? `Recovery key “${name}” added to your account. Keep its ID with your recovery code: ${credentialId}.`
        : `${NOUN[kind]} “${name}” added to your account.`,
};
