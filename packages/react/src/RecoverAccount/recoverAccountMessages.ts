import type { CredkitError, ErrorMessages } from '@credkit/core';
import type { RecoverAccountField } from './recoverAccountContext.ts';

/** Every text `<RecoverAccount>` shows. */
export interface RecoverAccountMessages {
  /** Each field's label; the new passkey's name says it is optional. */
  labels: Record<RecoverAccountField, string>;
  /** Under the new passkey's name: what a name left blank becomes (its provider's name). */
  optionalNameHint: string;
  /**
   * The problem of each required field left empty, found before anything is sent. The new passkey's
   * name may be left blank: it is then named after its provider ("Passkey" if unknown).
   */
  missing: Record<Exclude<RecoverAccountField, 'credentialName'>, string>;
  /** The button of step 1, and the same button once a code was sent. */
  sendCode: string;
  sendNewCode: string;
  /** The button of step 2. */
  submit: string;
  cancel: string;
  /** Live-region texts while the code is sent, and once it is. */
  codeSending: string;
  codeSent: string;
  /** Live-region text per busy phase. */
  status: { challenge: string; ceremony: string; signing: string; submitting: string; 'signing-in': string };
  /** The success announcement; `signedIn` with `signInAfter`, `newRecoveryKey` when one was made with it. */
  recovered: (passkeyName: string, signedIn: boolean, newRecoveryKey: boolean) => string;
  /** A recovery code that does not open the recovery key (`wrong-password`). */
  wrongRecoveryCode: string;
  /** The account is recovered, but signing in with the new passkey after it (`signInAfter`) failed. */
  signInFailed: string;
  /** Text in the recovery code field that cannot be a recovery code, found before anything is sent. */
  notARecoveryCode: string;
  /** The new recovery key offered with the recovery: the option, then its ID and code, shown once. */
  newRecoveryKey: {
    option: string;
    title: string;
    help: string;
    idLabel: string;
    codeLabel: string;
    copy: string;
    copied: string;
    copyFailed: string;
    download: string;
    downloaded: string;
    saved: string;
  };
  /** The recovery kit: the file input's label, what is announced once it is read, and what is wrong with one. */
  recoveryKit: {
    fileLabel: string;
    read: string;
    /** The kit is not one (core's `parseRecoveryKit` says why in `error.message`). */
    unreadable: (error: CredkitError) => string;
    /** The kit names another site than this one. */
    otherSite: (kitSite: string, site: string) => string;
    /** The file could not be read, or is far too large to be a kit. */
    fileUnreadable: string;
  };
  /** A verification code the server refused (a 4xx on `/auth/recover/user/init`). */
  codeRefused: string;
  /** A recovery key ID the server does not offer (`no-signing-credential`). */
  unknownRecoveryKey: string;
  /** Per error code; the core's default messages otherwise. */
  errors: ErrorMessages;
}

/** Some of the texts, to replace the defaults: each group merges with the English one. */
export type RecoverAccountMessagesInput = Partial<
  Omit<RecoverAccountMessages, 'labels' | 'missing' | 'status' | 'newRecoveryKey' | 'recoveryKit'> & {
    labels: Partial<RecoverAccountMessages['labels']>;
    missing: Partial<RecoverAccountMessages['missing']>;
    status: Partial<RecoverAccountMessages['status']>;
    newRecoveryKey: Partial<RecoverAccountMessages['newRecoveryKey']>;
    recoveryKit: Partial<RecoverAccountMessages['recoveryKit']>;
  }
>;

/** The default, English texts of `<RecoverAccount>`. */
export const englishRecoverAccountMessages: RecoverAccountMessages = {
  labels: {
    username: 'Username',
    verificationCode: 'Code from the e-mail',
    credentialId: 'Recovery key ID',
    recoveryCode: 'Recovery code',
    credentialName: 'Name of the new passkey (optional)',
  },
  optionalNameHint: 'Left blank, it is named after your password manager.',
  missing: {
    username: 'Enter your username.',
    verificationCode: 'Enter the code from the e-mail.',
    credentialId: 'Enter the ID of your recovery key.',
    recoveryCode: 'Enter your recovery code.',
  },
  sendCode: 'Send the code',
  sendNewCode: 'Send a new code',
  submit: 'Recover and add a passkey',
  cancel: 'Cancel',
  codeSending: 'Sending the code…',
  codeSent:
    'We e-mailed you a code. Enter it below with your recovery key ID and recovery code, or open your recovery kit.',
  status: {
    challenge: 'Checking the code…',
    ceremony: 'Follow your browser’s prompt to create your new passkey…',
    signing: 'Signing with your recovery key…',
    submitting: 'Recovering your account…',
    'signing-in': 'Signing you in with your new passkey…',
  },
  recovered: (name, signedIn, newRecoveryKey) =>
    `Your account is recovered. Your new passkey “${name}” is ready.${signedIn ? ' You are signed in.' : ''}${
      newRecoveryKey ? ' Save your new recovery key below: it is shown only once.' : ''
    }`,
  wrongRecoveryCode: 'This recovery code does not open your recovery key. Check it and try again.',
  signInFailed: 'Your account is recovered, but signing in with the new passkey did not work. Sign in with it again.',
  notARecoveryCode: 'This is not a recovery code: it is D1- and six groups of five letters and digits.',
  newRecoveryKey: {
    option: 'Also make a new recovery key (recovery ends your old one)',
    title: 'Your new recovery key',
    help: 'Save its ID and code now, somewhere safe and offline: they are shown only this once, and a recovery asks for both.',
    idLabel: 'New recovery key ID',
    codeLabel: 'New recovery code',
    copy: 'Copy the ID and code',
    copied: 'Copied.',
    copyFailed: 'Could not copy: select the text and copy it yourself.',
    download: 'Download .txt',
    downloaded: 'Downloaded.',
    saved: 'I have saved them',
  },
  recoveryKit: {
    fileLabel: 'Or open your recovery kit (the .txt you downloaded)',
    read: 'Recovery kit read: the recovery key ID and code are filled in.',
    unreadable: (error) => `This recovery kit cannot be used. ${error.message}`,
    otherSite: (kitSite, site) => `This recovery kit is for ${kitSite}, not for ${site}.`,
    fileUnreadable: 'This file cannot be read as a recovery kit: choose the .txt you downloaded.',
  },
  codeRefused: 'This code is wrong or expired. Send a new one.',
  unknownRecoveryKey: 'No recovery key of yours has this ID. Check it and try again.',
  errors: {},
};
