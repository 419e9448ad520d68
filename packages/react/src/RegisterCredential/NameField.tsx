import { forwardRef, type InputHTMLAttributes, type ReactNode } from 'react';
import { TextField } from '../primitives/TextField.tsx';
import { useRegisterCredentialContext } from './registerCredentialContext.ts';

/** Props of {@link NameField}: any attribute of the `<input>`, and its label. */
export interface NameFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'defaultValue'> {
  /** The visible label. @defaultValue `messages.optionalNameLabel` for a passkey, else `messages.nameLabel` */
  label?: ReactNode;
  /**
   * The line under the field that says what a blank name becomes, shown where the name may be left
   * blank (a passkey); `false` shows none. @defaultValue `messages.optionalNameHint`
   */
  hint?: ReactNode;
}

/**
 * The credential's name: a labelled text field, required for the key kinds; a passkey's may be left
 * blank (then it is named after its provider), which its label and hint say. Its value is the root's
 * (`credentialName` / `defaultCredentialName` / `onCredentialNameChange`); an error about it, or a
 * registration error, is tied to it through `aria-describedby`. It belongs to the root's form even
 * when rendered elsewhere (a dialog in a portal): Enter still submits.
 */
export const NameField = forwardRef<HTMLInputElement, NameFieldProps>(function NameField(
  { label, hint, id, disabled, ...inputProps },
  ref,
) {
  const form = useRegisterCredentialContext();
  if (form.state === 'unsupported') return null;
  return (
    <TextField
      name="credentialName"
      type="text"
      autoComplete="off"
      required={form.nameRequired}
      aria-invalid={form.fieldError?.field === 'name' ? true : undefined}
      {...inputProps}
      ref={ref}
      id={id ?? form.ids.name}
      form={form.ids.form}
      label={label ?? (form.nameRequired ? form.messages.nameLabel : form.messages.optionalNameLabel)}
      hint={form.nameRequired ? null : (hint ?? form.messages.optionalNameHint)}
      classNames={form.classNames}
      value={form.credentialName}
      onValueChange={form.setCredentialName}
      // Busy, it stays focusable (read-only, aria-disabled); otherwise disabled while the form is.
      disabled={(form.disabled && !form.registration.isBusy) || disabled === true}
      busy={form.registration.isBusy}
      describedBy={form.describedBy('name')}
    />
  );
});
