import { forwardRef, type HTMLAttributes } from 'react';
import { AlertMessage } from '../primitives/AlertMessage.tsx';
import { useCredentialListContext } from './credentialListContext.ts';

/**
 * The error, as an alert: a change that failed ("“Laptop” was not deactivated: …", with the server's
 * own message, e.g. the refusal to deactivate the last credential that can sign), or the list that
 * could not be loaded. Texts through `messages.errors`; `data-code` is the error's code. Renders
 * nothing without an error.
 */
export const ErrorMessage = forwardRef<HTMLParagraphElement, HTMLAttributes<HTMLParagraphElement>>(
  function ErrorMessage(props, ref) {
    const list = useCredentialListContext();
    return (
      <AlertMessage {...props} ref={ref} id={list.ids.error} classNames={list.classNames} code={list.error?.code}>
        {list.errorText}
      </AlertMessage>
    );
  },
);
