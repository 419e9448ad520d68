import { forwardRef, type HTMLAttributes } from 'react';
import { AlertMessage } from '../primitives/AlertMessage.tsx';
import { useRecoverAccountContext } from './recoverAccountContext.ts';

/**
 * The error, as an alert tied to the field it concerns (`data-field`): an empty field, the code
 * that could not be sent, a refused e-mailed code, a recovery code that does not open the key, or
 * the recovery's error. Focus moves here when a recovery or sending the code fails.
 */
export const ErrorMessage = forwardRef<HTMLParagraphElement, HTMLAttributes<HTMLParagraphElement>>(
  function ErrorMessage(props, ref) {
    const form = useRecoverAccountContext();
    const failed = form.recovery.phase === 'error' || form.recovery.codeStatus === 'error';
    return (
      <AlertMessage
        tabIndex={-1}
        {...props}
        ref={ref}
        id={form.ids.error}
        classNames={form.classNames}
        code={form.recovery.phase === 'error' ? form.recovery.error?.code : form.recovery.codeError?.code}
        data-field={form.invalidField ?? undefined}
        focusWhen={failed && form.errorText !== null}
      >
        {form.errorText}
      </AlertMessage>
    );
  },
);
