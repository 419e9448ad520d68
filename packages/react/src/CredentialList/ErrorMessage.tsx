import { forwardRef, type HTMLAttributes } from 'react';
import { partClassName, useCredentialListContext } from './credentialListContext.ts';

/**
 * The error, as an alert: a change that failed ("“Laptop” was not deactivated: …", with the server's
 * own message, e.g. the refusal to deactivate the last credential that can sign), or the list that
 * could not be loaded. Texts through `messages.errors`; `data-code` is the error's code. Renders
 * nothing without an error.
 */
export const ErrorMessage = forwardRef<HTMLParagraphElement, HTMLAttributes<HTMLParagraphElement>>(
  function ErrorMessage({ className, ...paragraphProps }, ref) {
    const list = useCredentialListContext();
    if (!list.errorText) return null;
    return (
      <p
        role="alert"
        {...paragraphProps}
        ref={ref}
        id={list.ids.error}
        data-credkit-part="error"
        data-code={list.error?.code}
        className={partClassName(list.classNames, 'error', className)}
      >
        {list.errorText}
      </p>
    );
  },
);
