import { forwardRef, type HTMLAttributes, useEffect } from 'react';
import { partClassName, useRegisterCredentialContext } from './registerCredentialContext.ts';
import { useComposedRefs } from './useComposedRefs.ts';
import { useFocusWhen } from './useFocusWhen.ts';

/**
 * The error, as an alert tied to its field: a problem found before sending (`data-code="invalid-input"`)
 * or the registration's error through `messages.errors` (`data-code` is its code). When a registration
 * fails, focus moves here, unless it was `aborted`: replaced by a newer prompt elsewhere on the page,
 * where the person is. Renders nothing without an error.
 */
export const ErrorMessage = forwardRef<HTMLParagraphElement, HTMLAttributes<HTMLParagraphElement>>(
  function ErrorMessage({ className, ...paragraphProps }, ref) {
    const form = useRegisterCredentialContext();
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
        data-code={form.errorCode}
        className={partClassName(form.classNames, 'error', className)}
      >
        {form.errorText}
      </p>
    );
  },
);
