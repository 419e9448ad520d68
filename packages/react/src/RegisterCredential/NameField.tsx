import { forwardRef, type InputHTMLAttributes, type ReactNode } from 'react';
import { partClassName, useRegisterCredentialContext } from './registerCredentialContext.ts';

/** Props of {@link NameField}: any attribute of the `<input>`, and its label. */
export interface NameFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'defaultValue'> {
  /** The visible label. @defaultValue `messages.nameLabel` */
  label?: ReactNode;
}

/**
 * The credential's name: a labelled, required text field. Its value is the root's
 * (`credentialName` / `defaultCredentialName` / `onCredentialNameChange`); an error about it, or a
 * registration error, is tied to it through `aria-describedby`. It belongs to the root's form even
 * when rendered elsewhere (a dialog in a portal): Enter still submits.
 */
export const NameField = forwardRef<HTMLInputElement, NameFieldProps>(function NameField(
  { label, className, onChange, id, disabled, 'aria-describedby': hostDescribedBy, ...inputProps },
  ref,
) {
  const form = useRegisterCredentialContext();
  if (form.state === 'unsupported') return null;
  const inputId = id ?? form.ids.name;
  const isDisabled = form.disabled || disabled === true;
  const describedBy = [hostDescribedBy, form.describedBy('name')].filter(Boolean).join(' ') || undefined;
  return (
    <>
      <label htmlFor={inputId} data-credkit-part="label" className={form.classNames.label}>
        {label ?? form.messages.nameLabel}
      </label>
      <input
        name="credentialName"
        type="text"
        autoComplete="off"
        required
        aria-invalid={form.fieldError?.field === 'name' ? true : undefined}
        {...inputProps}
        ref={ref}
        id={inputId}
        form={form.ids.form}
        data-credkit-part="input"
        className={partClassName(form.classNames, 'input', className)}
        value={form.credentialName}
        disabled={isDisabled}
        data-disabled={isDisabled ? '' : undefined}
        aria-describedby={describedBy}
        onChange={(event) => {
          form.setCredentialName(event.target.value);
          onChange?.(event);
        }}
      />
    </>
  );
});
