import { forwardRef, type HTMLAttributes } from 'react';
import { useComposedRefs } from '../RegisterCredential/useComposedRefs.ts';
import { useFocusWhen } from '../RegisterCredential/useFocusWhen.ts';
import { recoverPartClassName, useRecoverAccountContext } from './recoverAccountContext.ts';

/**
 * The error, as an alert tied to the field it concerns (`data-field`): an empty field, the code
 * that could not be sent, a refused e-mailed code, a recovery code that does not open the key, or
 * the recovery's error. Focus moves here when a recovery or sending the code fails.
 */
export const ErrorMessage = forwardRef<HTMLParagraphElement, HTMLAttributes<HTMLParagraphElement>>(
  function ErrorMessage({ className, ...paragraphProps }, ref) {
    const form = useRecoverAccountContext();
    const failed = form.recovery.phase === 'error' || form.recovery.codeStatus === 'error';
    const own = useFocusWhen<HTMLParagraphElement>(failed && form.errorText !== null);
    const refs = useComposedRefs(own, ref);
    if (!form.errorText) return null;
    return (
      <p
        role="alert"
        tabIndex={-1}
        {...paragraphProps}
        ref={refs}
        id={form.ids.error}
        data-credkit-part="error"
        data-code={form.recovery.phase === 'error' ? form.recovery.error?.code : form.recovery.codeError?.code}
        data-field={form.invalidField ?? undefined}
        className={recoverPartClassName(form.classNames, 'error', className)}
      >
        {form.errorText}
      </p>
    );
  },
);
