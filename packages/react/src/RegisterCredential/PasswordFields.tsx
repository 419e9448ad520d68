import { forwardRef, type HTMLAttributes } from 'react';
import { partClassName } from '../primitives/partClassName.ts';
import { TextField } from '../primitives/TextField.tsx';
import {
  MIN_PASSWORD_LENGTH,
  type RegisterCredentialField,
  useRegisterCredentialContext,
} from './registerCredentialContext.ts';

/**
 * PasswordProtectedKey: the password and its confirmation, in a `<div>` that takes any attribute.
 * Renders nothing for the other kinds. The checks (length, match) run on submit, each tied to its field.
 */
export const PasswordFields = forwardRef<HTMLDivElement, HTMLAttributes<HTMLDivElement>>(function PasswordFields(
  { className, ...divProps },
  ref,
) {
  const form = useRegisterCredentialContext();
  if (form.kind !== 'PasswordProtectedKey') return null;
  const field = (key: RegisterCredentialField, label: string, value: string, setValue: (value: string) => void) => (
    <TextField
      id={form.ids[key]}
      form={form.ids.form}
      name={key === 'password' ? 'password' : 'passwordConfirmation'}
      type="password"
      autoComplete="new-password"
      minLength={key === 'password' ? MIN_PASSWORD_LENGTH : undefined}
      required
      label={label}
      classNames={form.classNames}
      value={value}
      onValueChange={setValue}
      disabled={form.disabled}
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
