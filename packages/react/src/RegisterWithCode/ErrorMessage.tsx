import { forwardRef, type HTMLAttributes, useEffect } from 'react';
import { partClassName, useRegisterCredential } from '../RegisterCredential/registerCredentialContext.ts';
import { useComposedRefs } from '../RegisterCredential/useComposedRefs.ts';
import { useFocusWhen } from '../RegisterCredential/useFocusWhen.ts';
import { useRegisterWithCode } from './registerWithCodeContext.ts';

/**
 * The error, as an alert tied to its field: an empty code or another problem found before sending
 * (`data-code="invalid-input"`), a refused code (`invalid-code`: expired, used or mistyped, on the code
 * field), or the registration's error through `messages.errors`. When a registration fails, focus
 * moves here, unless it was `aborted`. Renders nothing without an error.
 */
export const ErrorMessage = forwardRef<HTMLParagraphElement, HTMLAttributes<HTMLParagraphElement>>(
  function ErrorMessage({ className, ...paragraphProps }, ref) {
    const form = useRegisterCredential();
    const { codeError } = useRegisterWithCode();
    const replaced = form.registration.error?.code === 'aborted';
    const own = useFocusWhen<HTMLParagraphElement>(form.state === 'error' && !replaced);
    const refs = useComposedRefs(own, ref);
    const { registerErrorPart } = form;
    // While it is mounted, the fields point at it (aria-describedby).
    useEffect(registerErrorPart, []);
    if (!form.errorText) return null;
    return (
      <p
        role="alert"
        tabIndex={-1}
        {...paragraphProps}
        ref={refs}
        id={form.ids.error}
        data-credkit-part="error"
        data-code={codeError !== null || form.fieldError ? 'invalid-input' : form.registration.error?.code}
        className={partClassName(form.classNames, 'error', className)}
      >
        {form.errorText}
      </p>
    );
  },
);
