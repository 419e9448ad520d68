import { type ButtonHTMLAttributes, forwardRef } from 'react';
import { CancelButton } from '../primitives/CancelButton.tsx';
import { useCredentialCodeContext } from './credentialCodeContext.ts';

/**
 * Cancel, shown only while the code can still be stopped (confirming with a passkey); it then ends
 * as a `cancelled` error and no code is made. Its text is `messages.cancel` unless given as children.
 */
export const Cancel = forwardRef<HTMLButtonElement, ButtonHTMLAttributes<HTMLButtonElement>>(
  function Cancel(props, ref) {
    const view = useCredentialCodeContext();
    if (view.state !== 'challenge' && view.state !== 'signing') return null;
    return (
      <CancelButton
        {...props}
        ref={ref}
        classNames={view.classNames}
        label={view.messages.cancel}
        onCancel={view.issuer.cancel}
      />
    );
  },
);
