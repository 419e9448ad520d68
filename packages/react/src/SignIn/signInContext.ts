import type { CredkitError, PasskeyAutofillStatus, PasskeyLoginSnapshot } from '@credkit/core';
import { createContext, useContext } from 'react';
import type { UsePasskeyLoginResult } from '../usePasskeyLogin.ts';
import type { SignInMessages } from './signInMessages.ts';

/** The parts of `<SignIn>`: the same names as `classNames` keys and `data-credkit-part` values. */
export type SignInPart = 'label' | 'input' | 'hint' | 'submit' | 'cancel' | 'status' | 'error';

/**
 * Where the sign-in form stands: the phase of the button's sign-in (`idle`, `challenge`, `signing`,
 * `submitting`, `success`, `error`); a passkey picked in the autofill shows as `submitting`, then
 * `success`, or `error` when the server refused it.
 */
export type SignInState = PasskeyLoginSnapshot['phase'];

/** What the parts of `<SignIn>` read from its root, and what {@link useSignInContext} returns. */
export interface SignInContextValue {
  state: SignInState;
  /** The sign-in by the button (`usePasskeyLogin`). */
  login: UsePasskeyLoginResult;
  /** The autofill sign-in's status (`usePasskeyAutofill`): `pending` while the passkeys are offered. */
  autofill: PasskeyAutofillStatus;
  /** The error shown: the button's sign-in's, else one of a passkey picked in the autofill. */
  error: CredkitError | null;
  /** Its text, through `messages.errors`, or `undefined` when there is none. */
  errorText: string | undefined;
  /** The username, as typed. */
  username: string;
  setUsername: (value: string) => void;
  /** The live region's text. */
  announcement: string;
  /** Every text, merged with the English defaults. */
  messages: SignInMessages;
  /** The classes per part, from the root's `classNames`. */
  classNames: Partial<Record<SignInPart, string>>;
  /** The ids the parts tie together: the form (for parts rendered outside it), the field, the error. */
  ids: { form: string; username: string; error: string };
  /** While mounted, the error part makes the field point at it (`aria-describedby`). */
  registerErrorPart: () => () => void;
  /** True while an Error part is mounted. */
  errorShown: boolean;
}

export const SignInContext = createContext<SignInContextValue | null>(null);

/** The sign-in of the enclosing `<SignIn.Root>`, for a part of the host's own. */
export function useSignInContext(): SignInContextValue {
  const context = useContext(SignInContext);
  if (!context) throw new Error('useSignInContext and the parts of <SignIn> must be inside <SignIn.Root>.');
  return context;
}
