import type { AuthenticatorChoice, ErrorMessages, RegistrableCredentialKind } from '@credkit/core';
import type { MessagesInput } from './mergeMessages.ts';
import type { RecoveryCodeMessages } from './RecoveryCode/recoveryMessages.ts';

/** Every text `<RegisterCredential>` shows, by phase, kind and error code. */
export interface RegisterCredentialMessages {
  /** The name field's label where a name is required: the key kinds. */
  nameLabel: string;
  /** The name field's label where it may be left blank: a passkey (Fido2). */
  optionalNameLabel: string;
  /** Under the name field where it may be left blank: what a blank name becomes (its provider's name). */
  optionalNameHint: string;
  passwordLabel: string;
  confirmationLabel: string;
  submit: Record<RegistrableCredentialKind, string>;
  cancel: string;
  /** Live-region text per busy phase; `ceremony` and `submitting` per kind. */
  status: {
    challenge: string;
    ceremony: Record<RegistrableCredentialKind, string>;
    signing: string;
    submitting: Record<RegistrableCredentialKind, string>;
  };
  /**
   * The success announcement. `credentialId` is the new credential's ID (a RecoveryKey's was shown
   * with its code before: the default text does not repeat it).
   */
  registered: (kind: RegistrableCredentialKind, name: string, credentialId?: string) => string;
  nameMissing: string;
  passwordTooShort: (minLength: number) => string;
  passwordMismatch: string;
  /** After the `unsupported` error text, in the fallback shown where WebAuthn is missing. */
  unsupportedHint: string;
  /** The legend of the authenticator choices ("Where to keep the passkey"). */
  choicesLegend: string;
  /** The label of each authenticator choice. */
  choices: Record<AuthenticatorChoice, string>;
  /** The recovery code step's texts, over its English ones (`englishRecoveryMessages` from `@credkit/react/recovery`). */
  recovery: Partial<RecoveryCodeMessages>;
  /** Per error code; the core's default messages otherwise. */
  errors: ErrorMessages;
}

/** Some of the texts, to replace the defaults: each group merges with the English one. */
export type RegisterCredentialMessagesInput = MessagesInput<RegisterCredentialMessages>;

const NOUN: Record<RegistrableCredentialKind, string> = {
  Fido2: 'Passkey',
  Key: 'Key',
  PasswordProtectedKey: 'Password-protected key',
  RecoveryKey: 'Recovery key',
};

/** The default, English texts of `<RegisterCredential>`. */
export const englishRegisterCredentialMessages: RegisterCredentialMessages = {
  nameLabel: 'Credential name',
  optionalNameLabel: 'Credential name (optional)',
  optionalNameHint: 'Left blank, it is named after your password manager.',
  passwordLabel: 'Password',
  confirmationLabel: 'Confirm password',
  submit: {
    Fido2: 'Register passkey',
    Key: 'Create key',
    PasswordProtectedKey: 'Create password-protected key',
    RecoveryKey: 'Create recovery key',
  },
  cancel: 'Cancel',
  status: {
    challenge: 'Preparing the request…',
    ceremony: {
      Fido2: 'Follow your browser’s prompt to create the passkey…',
      Key: 'Creating the key…',
      PasswordProtectedKey: 'Creating the key and encrypting it with your password…',
      RecoveryKey: 'Creating the key and encrypting it with your recovery code…',
    },
    signing: 'Confirm with an existing passkey…',
    submitting: {
      Fido2: 'Saving the passkey…',
      Key: 'Saving the key…',
      PasswordProtectedKey: 'Saving the password-protected key…',
      RecoveryKey: 'Saving the recovery key…',
    },
  },
  registered: (kind, name) => `${NOUN[kind]} “${name}” registered.`,
  nameMissing: 'Give the credential a name.',
  passwordTooShort: (minLength) => `Use a password of at least ${minLength} characters.`,
  passwordMismatch: 'The passwords do not match.',
  unsupportedHint: 'Try another browser or device.',
  choicesLegend: 'Where to keep the passkey',
  choices: {
    'this-device': 'This device',
    'security-key': 'Security key',
    phone: 'Phone or tablet',
  },
  // The recovery step's own English texts load with it (englishRecoveryMessages), on first use.
  recovery: {},
  errors: {},
};
