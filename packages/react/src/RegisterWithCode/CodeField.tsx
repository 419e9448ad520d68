import { forwardRef, type InputHTMLAttributes, type ReactNode } from 'react';
import { TextField } from '../primitives/TextField.tsx';
import { useRegisterCredentialContext } from '../RegisterCredential/registerCredentialContext.ts';
import { useRegisterWithCodeContext } from './registerWithCodeContext.ts';

/** Props of {@link CodeField}: any attribute of the `<input>`, and its label. */
export interface CodeFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'defaultValue'> {
  /** The visible label. @defaultValue `messages.codeLabel` ("Code from your other device") */
  label?: ReactNode;
}

/**
 * The one-time code: a labelled, required text field (`autocomplete="one-time-code"`), prefilled
 * from `defaultCode`. Its value is the root's (`code` / `defaultCode` / `onCodeChange`). When it is
 * empty on submit, or the server refused it, it is `aria-invalid` and tied to the error through
 * `aria-describedby`. It belongs to the root's form even when rendered elsewhere.
 */
export const CodeField = forwardRef<HTMLInputElement, CodeFieldProps>(function CodeField(
  { label, id, disabled, ...inputProps },
  ref,
) {
  const form = useRegisterCredentialContext();
  const withCode = useRegisterWithCodeContext();
  if (form.state === 'unsupported') return null;
  return (
    <TextField
      name="code"
      type="text"
      autoComplete="one-time-code"
      autoCapitalize="off"
      autoCorrect="off"
      spellCheck={false}
      required
      aria-invalid={withCode.invalid ? true : undefined}
      {...inputProps}
      ref={ref}
      id={id ?? withCode.inputId}
      form={form.ids.form}
      label={label ?? withCode.messages.codeLabel}
      classNames={form.classNames}
      value={withCode.code}
      onValueChange={withCode.setCode}
      disabled={form.disabled || disabled === true}
      describedBy={withCode.describedBy}
    />
  );
});
