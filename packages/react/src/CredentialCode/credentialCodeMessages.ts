import type { ErrorMessages } from '@credkit/core';

/** Every text `<CredentialCode>` shows. */
export interface CredentialCodeMessages {
  /** The button that makes the first code. */
  create: string;
  /** The same button once a code expired. */
  newCode: string;
  cancel: string;
  /** Live-region text per busy phase. */
  status: { challenge: string; signing: string; submitting: string };
  /** Announced once, when the code is shown, with how long it lasts (in seconds, rounded). */
  ready: (seconds: number) => string;
  /** Announced once, that many seconds before the code expires (when it lasted longer than that). */
  expiringSoon: (seconds: number) => string;
  /** Announced once, when the code expired. */
  expired: string;
  /** Before the code. */
  codeLabel: string;
  /** The countdown, with the time left as `m:ss` (or `h:mm:ss`). */
  expiresIn: (remaining: string) => string;
  /** The accessible name of the QR code. */
  qrLabel: string;
  /** Before the link the QR code holds. */
  linkIntro: string;
  copy: string;
  copied: string;
  copyFailed: string;
  /** Per error code; the core's default messages otherwise. */
  errors: ErrorMessages;
}

/** Some of the texts, to replace the defaults: `status` and `errors` merge with the English ones. */
export type CredentialCodeMessagesInput = Partial<Omit<CredentialCodeMessages, 'status'>> & {
  status?: Partial<CredentialCodeMessages['status']>;
};

/** "45 seconds", "1 minute", "5 minutes": whole minutes from a minute on. */
function spokenDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
  const minutes = Math.round(seconds / 60);
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}

/** The default, English texts of `<CredentialCode>`. */
export const englishCredentialCodeMessages: CredentialCodeMessages = {
  create: 'Add a passkey on another device',
  newCode: 'New code',
  cancel: 'Cancel',
  status: {
    challenge: 'Preparing the code…',
    signing: 'Confirm with an existing passkey…',
    submitting: 'Making the code…',
  },
  ready: (seconds) =>
    `Code ready. Enter it on your other device, or scan the QR code with it. It works once and expires in ${spokenDuration(seconds)}.`,
  expiringSoon: (seconds) =>
    `The code expires in ${spokenDuration(seconds)}. If your other device is not done by then, make a new one.`,
  expired: 'The code expired. Make a new one if you still need it.',
  codeLabel: 'Code for your other device:',
  expiresIn: (remaining) => `Expires in ${remaining}`,
  qrLabel: 'QR code of the link to add a passkey',
  linkIntro: 'Or open this link on your other device:',
  copy: 'Copy code',
  copied: 'Copied to the clipboard.',
  copyFailed: 'Copying is not allowed here: select the code and copy it by hand.',
  errors: {},
};
