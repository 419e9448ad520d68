import { forwardRef, type HTMLAttributes, useEffect } from 'react';
import { AlertMessage } from '../primitives/AlertMessage.tsx';
import { useRegisterCredentialContext } from './registerCredentialContext.ts';

/**
 * The error, as an alert tied to its field: a problem found before sending (`data-code="invalid-input"`)
 * or the registration's error through `messages.errors` (`data-code` is its code). When a registration
 * fails, focus moves here, unless it was `aborted`: replaced by a newer prompt elsewhere on the page,
 * where the person is. Renders nothing without an error.
 */
export const ErrorMessage = forwardRef<HTMLParagraphElement, HTMLAttributes<HTMLParagraphElement>>(
  function ErrorMessage(props, ref) {
    const form = useRegisterCredentialContext();
    const replaced = form.registration.error?.code === 'aborted';
    const { registerErrorPart } = form;
    // While it is mounted, the fields point at it (aria-describedby).
    useEffect(registerErrorPart, []);
    return (
      <AlertMessage
        tabIndex={-1}
        {...props}
        ref={ref}
        id={form.ids.error}
        classNames={form.classNames}
        code={form.errorCode}
        focusWhen={form.state === 'error' && !replaced}
      >
        {form.errorText}
      </AlertMessage>
    );
  },
);
