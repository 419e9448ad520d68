import { forwardRef, type HTMLAttributes } from 'react';
import { AlertMessage } from '../primitives/AlertMessage.tsx';
import { useCredentialCodeContext } from './credentialCodeContext.ts';

/**
 * Why no code was made, as an alert through `messages.errors` (`data-code` is the error's code).
 * Focus moves here when it fails, unless it was `aborted`. Renders nothing without an error.
 */
export const ErrorMessage = forwardRef<HTMLParagraphElement, HTMLAttributes<HTMLParagraphElement>>(
  function ErrorMessage(props, ref) {
    const view = useCredentialCodeContext();
    const replaced = view.issuer.error?.code === 'aborted';
    return (
      <AlertMessage
        tabIndex={-1}
        {...props}
        ref={ref}
        id={view.ids.error}
        classNames={view.classNames}
        code={view.issuer.error?.code}
        focusWhen={view.state === 'error' && !replaced}
      >
        {view.errorText}
      </AlertMessage>
    );
  },
);
