import { forwardRef, type InputHTMLAttributes, type ReactNode } from 'react';
import { TextField } from '../primitives/TextField.tsx';
import { useSignInContext } from './signInContext.ts';

/** Props of {@link UsernameField}: any attribute of the `<input>`, its label and its hint. */
export interface UsernameFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'defaultValue'> {
  /** The visible label. @defaultValue `messages.usernameLabel` */
  label?: ReactNode;
  /** The line under the field; `false` shows none. @defaultValue `messages.autofillHint` while the passkeys are offered, else `messages.usernameHint` */
  hint?: ReactNode;
}

/**
 * The username: a labelled, optional text field with `autocomplete="username webauthn"`, the field
 * whose autofill offers this site's passkeys, and a hint under it. Its value is the root's
 * (`username` / `defaultUsername` / `onUsernameChange`); a username the kit refuses
 * (`invalid-input`) is tied to it through `aria-describedby`.
 */
export const UsernameField = forwardRef<HTMLInputElement, UsernameFieldProps>(function UsernameField(
  { label, hint, id, ...inputProps },
  ref,
) {
  const form = useSignInContext();
  const offered = form.autofill === 'pending' || form.autofill === 'paused';
  const hintText = hint === undefined ? (offered ? form.messages.autofillHint : form.messages.usernameHint) : hint;
  const aboutUsername = form.error?.code === 'invalid-input';
  return (
    <TextField
      name="username"
      type="text"
      autoComplete="username webauthn"
      autoCapitalize="none"
      spellCheck={false}
      aria-invalid={aboutUsername || undefined}
      {...inputProps}
      ref={ref}
      id={id ?? form.ids.username}
      form={form.ids.form}
      label={label ?? form.messages.usernameLabel}
      classNames={form.classNames}
      value={form.username}
      onValueChange={form.setUsername}
      busy={form.login.isBusy}
      describedBy={aboutUsername && form.errorShown ? form.ids.error : undefined}
      hint={hintText}
    />
  );
});
