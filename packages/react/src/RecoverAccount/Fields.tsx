import { forwardRef, type InputHTMLAttributes, type ReactNode } from 'react';
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

/** One labelled, required field of the root's values; `aria-invalid` and tied to the error when it concerns it. */
function createField(field: RecoverAccountField, displayName: string) {
  const Field = forwardRef<HTMLInputElement, RecoverAccountFieldProps>(function Field(
    { label, id, disabled, onPaste, ...inputProps },
    ref,
  ) {
    const form = useRecoverAccountContext();
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
        required
        {...INPUT[field]}
        {...inputProps}
        ref={refs}
        id={id ?? form.ids.field(field)}
        form={form.ids.form}
        data-field={field}
        label={label ?? form.messages.labels[field]}
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

/** Step 1: the username (`autocomplete="username"`). */
export const UsernameField = createField('username', 'RecoverAccount.UsernameField');
/** Step 2: the code Dfns e-mailed (`autocomplete="one-time-code"`); takes focus when the code is sent. */
export const VerificationCodeField = createField('verificationCode', 'RecoverAccount.VerificationCodeField');
/** Step 2: the recovery key's ID, shown with its code when it was made. A whole recovery kit pasted here (or in the code field) fills both. */
export const RecoveryKeyIdField = createField('credentialId', 'RecoverAccount.RecoveryKeyIdField');
/**
 * Step 2: the recovery code, typed as people type it (spaces, dashes and case do not matter). Never
 * cached (`autocomplete="off"`, no spell check), cleared once used; it never leaves the page.
 */
export const RecoveryCodeField = createField('recoveryCode', 'RecoverAccount.RecoveryCodeField');
/** Step 2: the new passkey's name. */
export const PasskeyNameField = createField('credentialName', 'RecoverAccount.PasskeyNameField');
