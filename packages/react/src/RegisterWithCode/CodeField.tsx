import { forwardRef, type InputHTMLAttributes, type ReactNode } from 'react';
import { partClassName, useRegisterCredentialContext } from '../RegisterCredential/registerCredentialContext.ts';
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
  { label, className, onChange, id, disabled, 'aria-describedby': hostDescribedBy, ...inputProps },
  ref,
) {
  const form = useRegisterCredentialContext();
  const withCode = useRegisterWithCodeContext();
  if (form.state === 'unsupported') return null;
  const inputId = id ?? withCode.inputId;
  const isDisabled = form.disabled || disabled === true;
  const describedBy = [hostDescribedBy, withCode.describedBy].filter(Boolean).join(' ') || undefined;
  return (
    <>
      <label htmlFor={inputId} data-credkit-part="label" className={form.classNames.label}>
        {label ?? withCode.messages.codeLabel}
      </label>
      <input
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
        id={inputId}
        form={form.ids.form}
        data-credkit-part="input"
        className={partClassName(form.classNames, 'input', className)}
        value={withCode.code}
        disabled={isDisabled}
        data-disabled={isDisabled ? '' : undefined}
        aria-describedby={describedBy}
        onChange={(event) => {
          withCode.setCode(event.target.value);
          onChange?.(event);
        }}
      />
    </>
  );
});
