import type { AuthenticatorChoice, RegistrableCredentialKind } from '@credkit/core';
import { createContext, useContext } from 'react';
import type { RecoveryCodeStep } from '../RecoveryCode/RecoveryCodeStep.tsx';
import type { RecoveryCodeMessages } from '../RecoveryCode/recoveryMessages.ts';
import type { RegisterCredentialMessages } from '../registerCredentialMessages.ts';
import type { UseRegisterCredentialResult } from '../useRegisterCredential.ts';

/** The shortest password a PasswordProtectedKey accepts. */
export const MIN_PASSWORD_LENGTH = 8;

/** The parts of `<RegisterCredential>`: the same names as `classNames` keys and `data-credkit-part` values. */
export type RegisterCredentialPart =
  | 'label'
  | 'input'
  | 'hint'
  | 'passwords'
  | 'choices'
  | 'choice'
  | 'recovery'
  | 'submit'
  | 'cancel'
  | 'status'
  | 'error'
  | 'unsupported';

/** The form's state, as `data-state` shows it: the registration's phase, or `unsupported` where WebAuthn is missing. */
export type RegisterCredentialState = UseRegisterCredentialResult['phase'] | 'unsupported';

/** A field of the form that a check can point at. */
export type RegisterCredentialField = 'name' | 'password' | 'confirmation';

/** A problem found before anything is sent (an empty name, a short password), tied to its field. */
export interface FieldError {
  field: RegisterCredentialField;
  message: string;
}

/** The recovery code shown once, with the step that shows it (both loaded on first use of the kind). */
export interface RecoveryStep {
  code: string;
  /** The ID the key will be registered under, chosen with the code so that both are shown together. */
  credentialId: string;
  /** The account the kit names (the root's `username`). */
  username: string | undefined;
  /** The site the kit names: `rp.id` (else the step takes the page's host). */
  site: string | undefined;
  Step: typeof RecoveryCodeStep;
  messages: RecoveryCodeMessages;
}

/** What every part of `<RegisterCredential>` reads from its root, and what {@link useRegisterCredentialContext} returns. */
export interface RegisterCredentialContextValue {
  /** The kind being registered. */
  kind: RegistrableCredentialKind;
  /** The registration: phase, busy, credential, key, error, and `retry` / `cancel` / `reset` (`reset` also empties the password fields). */
  registration: UseRegisterCredentialResult;
  /** The registration's phase, or `unsupported`. */
  state: RegisterCredentialState;
  /**
   * True while the parts must not be used: a registration runs, or the recovery code is on screen.
   * A part that may hold focus stays focusable while a registration runs (`aria-disabled`), and refuses.
   */
  disabled: boolean;
  /** Every text, merged with the English defaults. */
  messages: RegisterCredentialMessages;
  /**
   * False for a passkey (Fido2): left blank, it is named after its provider ("Google Password Manager",
   * "Apple Passwords"…, from the AAGUID core reads after the ceremony), else "Passkey". True for the
   * key kinds: a key made in the page has no provider to be named after, and Dfns has no rename, so
   * the name the person gives is the only thing that tells two keys apart.
   */
  nameRequired: boolean;
  /** The new credential's name (a passkey's may be blank). */
  credentialName: string;
  setCredentialName: (value: string) => void;
  /** PasswordProtectedKey: the password and its confirmation. */
  password: string;
  setPassword: (value: string) => void;
  confirmation: string;
  setConfirmation: (value: string) => void;
  /** The authenticator choices the browser can honour, from `authenticatorChoices`. */
  choices: AuthenticatorChoice[];
  /** The authenticator choice the next registration sends. */
  authenticator: AuthenticatorChoice | undefined;
  setAuthenticator: (choice: AuthenticatorChoice) => void;
  /**
   * A problem tied to its field: found by the form before sending, or by core before sending
   * (`invalid-input` whose `error.field` is the name or the password).
   */
  fieldError: FieldError | null;
  /** The error text to show: the field's problem, else the registration's error, through `messages.errors`. */
  errorText: string | undefined;
  /** The code of that error: `invalid-input` for a problem found before sending, else the registration's error code. */
  errorCode: string | undefined;
  /** The id of the error text, for the field's `aria-describedby`, when the error concerns it and is shown. */
  describedBy: (field: RegisterCredentialField) => string | undefined;
  /** Called by the Error part while it is mounted; returns the function that unregisters it. */
  registerErrorPart: () => () => void;
  /** The live-region text for the current phase (empty when idle or failed). */
  announcement: string;
  /** RecoveryKey: the code on screen, until the person confirms or discards it. */
  recovery: RecoveryStep | null;
  /** RecoveryKey: the person saved the code; register now. */
  confirmRecovery: () => void;
  /** RecoveryKey: the person backs out; the code is discarded. */
  discardRecovery: () => void;
  /** Checks the fields and starts the registration (or, for a RecoveryKey, shows the code first). */
  submit: () => void;
  /** The classes per part, from the root's `classNames`. */
  classNames: Partial<Record<RegisterCredentialPart, string>>;
  /** Element ids: the form's (for the `form` attribute of parts outside it, e.g. in a portal), the fields', the error's. */
  ids: Record<RegisterCredentialField | 'form' | 'error', string>;
}

export const RegisterCredentialContext = createContext<RegisterCredentialContextValue | null>(null);

/**
 * The state and actions of the enclosing `<RegisterCredential.Root>`, for parts of the host's own
 * (a button of its design system that calls `submit`, a dialog that shows `errorText`).
 */
export function useRegisterCredentialContext(): RegisterCredentialContextValue {
  const context = useContext(RegisterCredentialContext);
  if (!context) {
    throw new Error(
      'useRegisterCredentialContext and the RegisterCredential parts must be inside <RegisterCredential.Root>.',
    );
  }
  return context;
}
