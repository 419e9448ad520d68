import { type ButtonHTMLAttributes, forwardRef } from 'react';
import { partClassName } from '../primitives/partClassName.ts';
import { useSignInContext } from './signInContext.ts';

/**
 * The submit button: signs in with a passkey, of the typed username or any of this site's. Its text
 * is `messages.submit` unless given as children. While a sign-in runs it stays focusable
 * (`aria-disabled`) and does nothing. It belongs to the root's form even when rendered elsewhere.
 */
export const Submit = forwardRef<HTMLButtonElement, ButtonHTMLAttributes<HTMLButtonElement>>(function Submit(
  { className, children, ...buttonProps },
  ref,
) {
  const form = useSignInContext();
  return (
    <button
      type="submit"
      {...buttonProps}
      ref={ref}
      form={form.ids.form}
      aria-disabled={form.login.isBusy || undefined}
      data-disabled={buttonProps.disabled ? '' : undefined}
      data-credkit-part="submit"
      className={partClassName(form.classNames, 'submit', className)}
    >
      {children ?? form.messages.submit}
    </button>
  );
});
