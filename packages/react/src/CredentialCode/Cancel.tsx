import { type ButtonHTMLAttributes, forwardRef } from 'react';
import { codePartClassName, useCredentialCodeContext } from './credentialCodeContext.ts';

/**
 * Cancel, shown only while the code can still be stopped (confirming with a passkey); it then ends
 * as a `cancelled` error and no code is made. Its text is `messages.cancel` unless given as children.
 */
export const Cancel = forwardRef<HTMLButtonElement, ButtonHTMLAttributes<HTMLButtonElement>>(function Cancel(
  { className, children, onClick, ...buttonProps },
  ref,
) {
  const view = useCredentialCodeContext();
  if (view.state !== 'challenge' && view.state !== 'signing') return null;
  return (
    <button
      type="button"
      {...buttonProps}
      ref={ref}
      data-credkit-part="cancel"
      className={codePartClassName(view.classNames, 'cancel', className)}
      onClick={(event) => {
        onClick?.(event);
        if (!event.defaultPrevented) view.issuer.cancel();
      }}
    >
      {children ?? view.messages.cancel}
    </button>
  );
});
