import { type ButtonHTMLAttributes, forwardRef } from 'react';
import { partClassName } from '../primitives/partClassName.ts';
import { useRegisterCredentialContext } from './registerCredentialContext.ts';

/**
 * The submit button: checks the fields and registers (a RecoveryKey shows its code first). Its text
 * is `messages.submit[kind]` unless given as children. Hidden while the recovery code is on screen,
 * which has its own confirmation. While a registration runs it stays focusable (`aria-disabled`) and
 * does nothing. It belongs to the root's form even when rendered elsewhere (a portal).
 */
export const Submit = forwardRef<HTMLButtonElement, ButtonHTMLAttributes<HTMLButtonElement>>(function Submit(
  { className, children, disabled, ...buttonProps },
  ref,
) {
  const form = useRegisterCredentialContext();
  if (form.state === 'unsupported' || form.recovery) return null;
  // While busy it stays focusable (aria-disabled): a disabled button would drop focus to <body>. The
  // form's submit refuses meanwhile.
  const isDisabled = (form.disabled && !form.registration.isBusy) || disabled === true;
  return (
    <button
      type="submit"
      {...buttonProps}
      ref={ref}
      form={form.ids.form}
      disabled={isDisabled}
      aria-disabled={form.registration.isBusy || undefined}
      data-disabled={isDisabled ? '' : undefined}
      data-credkit-part="submit"
      className={partClassName(form.classNames, 'submit', className)}
    >
      {children ?? form.messages.submit[form.kind]}
    </button>
  );
});
