import { type ButtonHTMLAttributes, forwardRef } from 'react';
import { partClassName } from '../primitives/partClassName.ts';
import { useRegisterCredentialContext } from './registerCredentialContext.ts';

/**
 * The submit button: checks the fields and registers (a RecoveryKey shows its code first). Its text
 * is `messages.submit[kind]` unless given as children. Hidden while the recovery code is on screen,
 * which has its own confirmation. It belongs to the root's form even when rendered elsewhere (a portal).
 */
export const Submit = forwardRef<HTMLButtonElement, ButtonHTMLAttributes<HTMLButtonElement>>(function Submit(
  { className, children, disabled, ...buttonProps },
  ref,
) {
  const form = useRegisterCredentialContext();
  if (form.state === 'unsupported' || form.recovery) return null;
  const isDisabled = form.disabled || disabled === true;
  return (
    <button
      type="submit"
      {...buttonProps}
      ref={ref}
      form={form.ids.form}
      disabled={isDisabled}
      data-disabled={isDisabled ? '' : undefined}
      data-credkit-part="submit"
      className={partClassName(form.classNames, 'submit', className)}
    >
      {children ?? form.messages.submit[form.kind]}
    </button>
  );
});
