import { type ButtonHTMLAttributes, forwardRef } from 'react';
import { CancelButton } from '../primitives/CancelButton.tsx';
import { useRegisterCredentialContext } from './registerCredentialContext.ts';

/**
 * Cancel, shown only while a registration can still be stopped (fetching the challenge, signing, or
 * the passkey prompt); it then ends as a `cancelled` error. Its text is `messages.cancel` unless given as children.
 */
export const Cancel = forwardRef<HTMLButtonElement, ButtonHTMLAttributes<HTMLButtonElement>>(
  function Cancel(props, ref) {
    const form = useRegisterCredentialContext();
    const cancellable =
      form.state === 'challenge' || form.state === 'signing' || (form.state === 'ceremony' && form.kind === 'Fido2');
    if (!cancellable) return null;
    return (
      <CancelButton
        {...props}
        ref={ref}
        classNames={form.classNames}
        label={form.messages.cancel}
        onCancel={form.registration.cancel}
      />
    );
  },
);
