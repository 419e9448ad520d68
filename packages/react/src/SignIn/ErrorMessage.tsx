import { forwardRef, type HTMLAttributes, useEffect } from 'react';
import { AlertMessage } from '../primitives/AlertMessage.tsx';
import { useSignInContext } from './signInContext.ts';

/**
 * The error, as an alert: the button's sign-in's (`data-code` is its code), or that of a passkey
 * picked in the autofill that the server refused. When the button's sign-in fails, focus moves here,
 * unless it was `aborted` (replaced by a newer prompt elsewhere on the page, where the person is). A
 * dismissed autofill is not an error. Renders nothing without an error.
 */
export const ErrorMessage = forwardRef<HTMLParagraphElement, HTMLAttributes<HTMLParagraphElement>>(
  function ErrorMessage(props, ref) {
    const form = useSignInContext();
    const { registerErrorPart } = form;
    // While it is mounted, the username field points at it when the error is about the username.
    useEffect(registerErrorPart, []);
    const buttonFailed = form.login.phase === 'error' && form.login.error?.code !== 'aborted';
    return (
      <AlertMessage
        tabIndex={-1}
        {...props}
        ref={ref}
        id={form.ids.error}
        classNames={form.classNames}
        code={form.error?.code}
        focusWhen={buttonFailed}
      >
        {form.errorText}
      </AlertMessage>
    );
  },
);
