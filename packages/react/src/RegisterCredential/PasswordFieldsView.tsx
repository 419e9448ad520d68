import { forwardRef, type HTMLAttributes } from 'react';
import { partClassName } from '../primitives/partClassName.ts';
import { TextField } from '../primitives/TextField.tsx';
import type { RegisterCredentialContextValue, RegisterCredentialField } from './registerCredentialContext.ts';

/** Props of {@link PasswordFieldsView}: the form it belongs to, and any attribute of the `<div>`. */
export interface PasswordFieldsViewProps extends HTMLAttributes<HTMLDivElement> {
  form: RegisterCredentialContextValue;
  /** The shortest password the form accepts. */
  minLength: number;
}

/**
 * What `RegisterCredential.PasswordFields` shows, a chunk of its own loaded when a PasswordProtectedKey
 * form first renders it: the password and its confirmation. Everything comes in props, so the chunk
 * shares no module with the start bundle but the field primitives.
 */
export const PasswordFieldsView = forwardRef<HTMLDivElement, PasswordFieldsViewProps>(function PasswordFieldsView(
  { form, minLength, className, ...divProps },
  ref,
) {
  const field = (key: RegisterCredentialField, label: string, value: string, setValue: (value: string) => void) => (
    <TextField
      id={form.ids[key]}
      form={form.ids.form}
      name={key === 'password' ? 'password' : 'passwordConfirmation'}
      type="password"
      autoComplete="new-password"
      minLength={key === 'password' ? minLength : undefined}
      required
      label={label}
      classNames={form.classNames}
      value={value}
      onValueChange={setValue}
      disabled={form.disabled && !form.registration.isBusy}
      busy={form.registration.isBusy}
      aria-invalid={form.fieldError?.field === key ? true : undefined}
      describedBy={form.describedBy(key)}
    />
  );
  return (
    <div
      {...divProps}
      ref={ref}
      data-credkit-part="passwords"
      className={partClassName(form.classNames, 'passwords', className)}
    >
      {field('password', form.messages.passwordLabel, form.password, form.setPassword)}
      {field('confirmation', form.messages.confirmationLabel, form.confirmation, form.setConfirmation)}
    </div>
  );
});
