import { type ButtonHTMLAttributes, forwardRef } from 'react';
import { CancelButton } from '../primitives/CancelButton.tsx';
import { useSignInContext } from './signInContext.ts';

/**
 * Cancel, shown only while the button's sign-in can still be stopped (fetching the challenge, or the
 * passkey prompt); it then ends as a `cancelled` error. Its text is `messages.cancel` unless given as children.
 */
export const Cancel = forwardRef<HTMLButtonElement, ButtonHTMLAttributes<HTMLButtonElement>>(
  function Cancel(props, ref) {
    const form = useSignInContext();
    if (form.login.phase !== 'challenge' && form.login.phase !== 'signing') return null;
    return (
      <CancelButton
        {...props}
        ref={ref}
        classNames={form.classNames}
        label={form.messages.cancel}
        onCancel={form.login.cancel}
      />
    );
  },
);
