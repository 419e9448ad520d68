import { createContext, useContext } from 'react';
import type { UseRecoverAccountResult } from '../useRecoverAccount.ts';
import type { RecoverAccountMessages } from './recoverAccountMessages.ts';

/** The fields of `<RecoverAccount>`. */
export type RecoverAccountField = 'username' | 'verificationCode' | 'credentialId' | 'recoveryCode' | 'credentialName';

/** The parts of `<RecoverAccount>`: the keys of `classNames`, and the values of `data-credkit-part`. */
export type RecoverAccountPart =
  | 'root'
  | 'label'
  | 'input'
  | 'hint'
  | 'send-code'
  | 'submit'
  | 'cancel'
  | 'status'
  | 'error'
  | 'new-key-option'
  | 'new-key'
  | 'kit-file';

/** The new recovery key made with a recovery, until the person says they saved it. */
export interface MadeRecoveryKey {
  credentialId: string;
  recoveryCode: string;
}

/** The step the form is at: the username (`username`), then the codes and the new passkey (`recover`). */
export type RecoverAccountStep = 'username' | 'recover';

/** What the parts of `<RecoverAccount>` read from its root, and what {@link useRecoverAccountContext} returns. */
export interface RecoverAccountContextValue {
  /** The recovery, as `useRecoverAccount` gives it. */
  recovery: UseRecoverAccountResult;
  step: RecoverAccountStep;
  /**
   * The fields the form asks for: all of them, or, with a `challengeSource`, only the recovery key's
   * ID and code and the passkey's name (the host knows its user; its backend needs no e-mailed code).
   */
  fields: readonly RecoverAccountField[];
  /** Each field's value. */
  values: Record<RecoverAccountField, string>;
  setValue: (field: RecoverAccountField, value: string) => void;
  /** The field the error concerns, if any (`recoveryKit`: the recovery kit file or pasted text). */
  invalidField: RecoverAccountField | 'recoveryKit' | null;
  /** The error's text, or `null`. */
  errorText: string | null;
  /** The live region's text. */
  announcement: string;
  /** Sends the code to the username (checked first). */
  sendCode: () => void;
  /** Checks the fields, then recovers. */
  submit: () => void;
  /**
   * Reads a recovery kit (what Download wrote, or Copy's text) into the recovery key ID and code
   * fields; a kit it cannot read, or of another site, becomes the error, on the kit. `null`: a file
   * that could not be read as text (or far too large to be a kit).
   */
  readRecoveryKit: (text: string | null) => void;
  /** The site the form recovers an account of (`rp.id`, else the page's host), checked against a kit's. */
  site: string | undefined;
  /** The new recovery key offered with the recovery. */
  newRecoveryKey: {
    /** Whether the person wants one (on by default: recovery ends the old one). */
    requested: boolean;
    setRequested: (requested: boolean) => void;
    /** Once made: its ID and code, shown until `dismiss()`. */
    made: MadeRecoveryKey | null;
    /** The person saved them: the code is forgotten. */
    dismiss: () => void;
  };
  ids: {
    form: string;
    error: string;
    status: string;
    field: (field: RecoverAccountField | 'recoveryKit') => string;
  };
  classNames: Partial<Record<RecoverAccountPart, string>>;
  messages: RecoverAccountMessages;
}

export const RecoverAccountContext = createContext<RecoverAccountContextValue | null>(null);

/** The state of the enclosing `<RecoverAccount.Root>`, for parts of the host's own. */
export function useRecoverAccountContext(): RecoverAccountContextValue {
  const context = useContext(RecoverAccountContext);
  if (!context) throw new Error('RecoverAccount parts must be inside <RecoverAccount.Root>.');
  return context;
}
