import type { ErrorMessages } from '@credkit/core';
import type { MessagesInput } from '../mergeMessages.ts';

/** Every text `<SignIn>` shows. */
export interface SignInMessages {
  /** The username field's label: it is optional, any passkey of the site may answer without it. */
  usernameLabel: string;
  /** Under the field: what leaving it empty does. */
  usernameHint: string;
  /** Under the field while the passkeys are offered in its autofill. */
  autofillHint: string;
  submit: string;
  cancel: string;
  /** Live-region text per busy phase (the button's sign-in, or a passkey picked in the autofill). */
  status: { challenge: string; signing: string; submitting: string };
  /** The success announcement. */
  signedIn: string;
  /** Per error code; the core's default messages otherwise. */
  errors: ErrorMessages;
}

/** Some of the texts, to replace the defaults: each group merges with the English one. */
export type SignInMessagesInput = MessagesInput<SignInMessages>;

/** The default, English texts of `<SignIn>`. */
export const englishSignInMessages: SignInMessages = {
  usernameLabel: 'Username (optional)',
  usernameHint: 'Leave it empty to pick any passkey of this site.',
  autofillHint: 'Pick a passkey from the suggestions, or leave it empty to pick any passkey of this site.',
  submit: 'Sign in with a passkey',
  cancel: 'Cancel',
  status: {
    challenge: 'Preparing the sign-in…',
    signing: 'Confirm with your passkey in the browser’s prompt…',
    submitting: 'Signing you in…',
  },
  signedIn: 'Signed in.',
  errors: {},
};
