import {
  type ForwardRefExoticComponent,
  forwardRef,
  type InputHTMLAttributes,
  type ReactNode,
  type RefAttributes,
} from 'react';
import { TextField } from '../primitives/TextField.tsx';
import { useComposedRefs } from '../primitives/useComposedRefs.ts';
import { useFocusWhen } from '../primitives/useFocusWhen.ts';
import { type RecoverAccountField, useRecoverAccountContext } from './recoverAccountContext.ts';

/** Props of a field of `<RecoverAccount>`: any attribute of the `<input>`, and its label. */
export interface RecoverAccountFieldProps
  extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'defaultValue'> {
  /** The visible label. @defaultValue the field's `messages.labels` */
  label?: ReactNode;
}

/** Props of {@link PasskeyNameField}: those of every field, and the hint under it. */
export interface PasskeyNameFieldProps extends RecoverAccountFieldProps {
  /** The line under the field that says what a blank name becomes; `false` shows none. @defaultValue `messages.optionalNameHint` */
  hint?: ReactNode;
}

/** What each field is to the browser and its password manager. */
const INPUT: Record<RecoverAccountField, InputHTMLAttributes<HTMLInputElement>> = {
  username: { type: 'email', autoComplete: 'username' },
  verificationCode: { type: 'text', autoComplete: 'one-time-code', inputMode: 'text', spellCheck: false },
  credentialId: { type: 'text', autoComplete: 'off', spellCheck: false },
  // A secret: never offered for saving or autofill, never sent to a spell checker.
  recoveryCode: {
    type: 'text',
    autoComplete: 'off',
    spellCheck: false,
    autoCorrect: 'off',
    autoCapitalize: 'characters',
  },
  credentialName: { type: 'text', autoComplete: 'off' },
};

/** Pasted text that is a recovery kit (Copy's text, the file's): it names the key's ID, or is titled as one. */
function isRecoveryKit(text: string): boolean {
  return /^\s*(recovery key id\s*:|recovery kit\b)/im.test(text);
}

/**
 * One labelled field of the root's values, required but for the new passkey's name (left blank, it is
 * named after its provider: its hint says so); `aria-invalid` and tied to the error when it concerns it.
 */
function createField(field: RecoverAccountField, displayName: string) {
  const Field = forwardRef<HTMLInputElement, PasskeyNameFieldProps>(function Field(
    { label, hint, id, disabled, onPaste, ...inputProps },
    ref,
  ) {
    const form = useRecoverAccountContext();
    const optional = field === 'credentialName';
    const takesKit = field === 'credentialId' || field === 'recoveryCode';
    // The first field of step 2 takes focus once the code is sent.
    const own = useFocusWhen<HTMLInputElement>(
      field === 'verificationCode' && form.step === 'recover' && form.fields.includes(field),
    );
    const refs = useComposedRefs(own, ref);
    if (!form.fields.includes(field) || (field !== 'username' && form.step === 'username')) return null;
    const invalid = form.invalidField === field && form.errorText !== null;
    const isDisabled = form.recovery.isBusy || form.recovery.codeStatus === 'sending' || disabled === true;
    return (
      <TextField
        name={field}
        required={!optional}
        {...INPUT[field]}
        {...inputProps}
        ref={refs}
        id={id ?? form.ids.field(field)}
        form={form.ids.form}
        data-field={field}
        label={label ?? form.messages.labels[field]}
        hint={optional ? (hint ?? form.messages.optionalNameHint) : null}
        classNames={form.classNames}
        value={form.values[field]}
        onValueChange={(value) => form.setValue(field, value)}
        disabled={isDisabled}
        aria-invalid={invalid ? true : undefined}
        describedBy={invalid ? form.ids.error : undefined}
        onPaste={(event) => {
          onPaste?.(event);
          const text = event.clipboardData.getData('text/plain');
          // A whole kit pasted into its ID or code field fills both, parsed, rather than landing as one line.
          if (event.defaultPrevented || !takesKit || !isRecoveryKit(text)) return;
          event.preventDefault();
          form.readRecoveryKit(text);
        }}
      />
    );
  });
  Field.displayName = displayName;
  return Field;
}

/** A required field: the props of every field (no hint). */
type RequiredField = ForwardRefExoticComponent<RecoverAccountFieldProps & RefAttributes<HTMLInputElement>>;

/** Step 1: the username (`autocomplete="username"`). */
export const UsernameField: RequiredField = createField('username', 'RecoverAccount.UsernameField');
/** Step 2: the code Dfns e-mailed (`autocomplete="one-time-code"`); takes focus when the code is sent. */
export const VerificationCodeField: RequiredField = createField(
  'verificationCode',
  'RecoverAccount.VerificationCodeField',
);
/** Step 2: the recovery key's ID, shown with its code when it was made. A whole recovery kit pasted here (or in the code field) fills both. */
export const RecoveryKeyIdField: RequiredField = createField('credentialId', 'RecoverAccount.RecoveryKeyIdField');
/**
 * Step 2: the recovery code, typed as people type it (spaces, dashes and case do not matter). Never
 * cached (`autocomplete="off"`, no spell check), cleared once used; it never leaves the page.
 */
export const RecoveryCodeField: RequiredField = createField('recoveryCode', 'RecoverAccount.RecoveryCodeField');
/**
 * Step 2: the new passkey's name, which may be left blank: the passkey is then named after its
 * provider ("Google Password Manager", else "Passkey"), as its label and hint say. A typed name is
 * checked by the name rule.
 */
export const PasskeyNameField = createField('credentialName', 'RecoverAccount.PasskeyNameField');
