import { forwardRef, type HTMLAttributes } from 'react';
import { useComposedRefs } from '../RegisterCredential/useComposedRefs.ts';
import { useFocusWhen } from '../RegisterCredential/useFocusWhen.ts';
import { codePartClassName, useCredentialCodeContext } from './credentialCodeContext.ts';

/**
 * Why no code was made, as an alert through `messages.errors` (`data-code` is the error's code).
 * Focus moves here when it fails, unless it was `aborted`. Renders nothing without an error.
 */
export const ErrorMessage = forwardRef<HTMLParagraphElement, HTMLAttributes<HTMLParagraphElement>>(
  function ErrorMessage({ className, ...paragraphProps }, ref) {
    const view = useCredentialCodeContext();
    const replaced = view.issuer.error?.code === 'aborted';
    const own = useFocusWhen<HTMLParagraphElement>(view.state === 'error' && !replaced);
    const refs = useComposedRefs(own, ref);
    if (!view.errorText) return null;
    return (
      <p
        role="alert"
        tabIndex={-1}
        {...paragraphProps}
        ref={refs}
        id={view.ids.error}
        data-credkit-part="error"
        data-code={view.issuer.error?.code}
        className={codePartClassName(view.classNames, 'error', className)}
      >
        {view.errorText}
      </p>
    );
  },
);
