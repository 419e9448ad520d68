import { forwardRef, type InputHTMLAttributes, type ReactNode } from 'react';
import { partClassName, useRegisterCredential } from './registerCredentialContext.ts';

/** Props of {@link NameField}: any attribute of the `<input>`, and its label. */
export interface NameFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'defaultValue'> {
  /** The visible label. @defaultValue `messages.nameLabel` */
  label?: ReactNode;
}

/**
 * The credential's name: a labelled, required text field. Its value is the root's
 * (`credentialName` / `defaultCredentialName` / `onCredentialNameChange`); a problem with it, or a
 * registration error, is tied to it through `aria-describedby`.
 */
export const NameField = forwardRef<HTMLInputElement, NameFieldProps>(function NameField(
  { label, className, onChange, ...inputProps },
  ref,
) {
  const form = useRegisterCredential();
  if (form.state === 'unsupported') return null;
  // A field problem points at its field; a registration error at the name.
  const describedBy = form.errorText && (form.fieldError?.field ?? 'name') === 'name' ? form.ids.error : undefined;
  return (
    <>
      <label htmlFor={form.ids.name} data-credkit-part="label" className={form.classNames.label}>
        {label ?? form.messages.nameLabel}
      </label>
      <input
        name="credentialName"
        type="text"
        autoComplete="off"
        required
        {...inputProps}
        ref={ref}
        id={form.ids.name}
        data-credkit-part="input"
        className={partClassName(form.classNames, 'input', className)}
        value={form.credentialName}
        disabled={form.disabled || inputProps.disabled}
        data-disabled={form.disabled ? '' : undefined}
        aria-invalid={describedBy ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => {
          form.setCredentialName(event.target.value);
          onChange?.(event);
        }}
      />
    </>
  );
});
