import { type ButtonHTMLAttributes, forwardRef } from 'react';
import { partClassName, useRegisterCredential } from './registerCredentialContext.ts';

/**
 * The submit button: checks the fields and registers (a RecoveryKey shows its code first). Its text
 * is `messages.submit[kind]` unless given as children. Hidden while the recovery code is on screen,
 * which has its own confirmation.
 */
export const Submit = forwardRef<HTMLButtonElement, ButtonHTMLAttributes<HTMLButtonElement>>(function Submit(
  { className, children, ...buttonProps },
  ref,
) {
  const form = useRegisterCredential();
  if (form.state === 'unsupported' || form.recovery) return null;
  return (
    <button
      type="submit"
      {...buttonProps}
      ref={ref}
      disabled={form.disabled || buttonProps.disabled}
      data-disabled={form.disabled ? '' : undefined}
      data-credkit-part="submit"
      className={partClassName(form.classNames, 'submit', className)}
    >
      {children ?? form.messages.submit[form.kind]}
    </button>
  );
});
