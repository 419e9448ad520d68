import { type ButtonHTMLAttributes, forwardRef } from 'react';
import { partClassName, useRegisterCredentialContext } from './registerCredentialContext.ts';

/**
 * Cancel, shown only while a registration can still be stopped (fetching the challenge, signing, or
 * the passkey prompt); it then ends as a `cancelled` error. Its text is `messages.cancel` unless given as children.
 */
export const Cancel = forwardRef<HTMLButtonElement, ButtonHTMLAttributes<HTMLButtonElement>>(function Cancel(
  { className, children, onClick, ...buttonProps },
  ref,
) {
  const form = useRegisterCredentialContext();
  const cancellable =
    form.state === 'challenge' || form.state === 'signing' || (form.state === 'ceremony' && form.kind === 'Fido2');
  if (!cancellable) return null;
  return (
    <button
      type="button"
      {...buttonProps}
      ref={ref}
      data-credkit-part="cancel"
      className={partClassName(form.classNames, 'cancel', className)}
      onClick={(event) => {
        onClick?.(event);
        if (!event.defaultPrevented) form.registration.cancel();
      }}
    >
      {children ?? form.messages.cancel}
    </button>
  );
});
