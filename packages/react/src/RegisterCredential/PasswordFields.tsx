import { forwardRef, type HTMLAttributes } from 'react';
import {
  partClassName,
  type RegisterCredentialField,
  useRegisterCredentialContext,
} from './registerCredentialContext.ts';
import { MIN_PASSWORD_LENGTH } from './useRegisterCredentialForm.ts';

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
    <>
      <label htmlFor={form.ids[key]} data-credkit-part="label" className={form.classNames.label}>
        {label}
      </label>
      <input
        id={form.ids[key]}
        form={form.ids.form}
        name={key === 'password' ? 'password' : 'passwordConfirmation'}
        type="password"
        autoComplete="new-password"
        minLength={key === 'password' ? MIN_PASSWORD_LENGTH : undefined}
        required
        data-credkit-part="input"
        className={form.classNames.input}
        value={value}
        disabled={form.disabled}
        data-disabled={form.disabled ? '' : undefined}
        aria-invalid={form.fieldError?.field === key ? true : undefined}
        aria-describedby={form.describedBy(key)}
        onChange={(event) => setValue(event.target.value)}
      />
    </>
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
